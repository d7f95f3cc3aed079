//===----------------------------------------------------------------------===//
// yaml-cpp firewall: built with -fexceptions; every exception is caught here.
//===----------------------------------------------------------------------===//

#include "catalog/CatalogLoader.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Path.h"
#include <yaml-cpp/yaml.h>

namespace coro_tidy {
namespace {

constexpr const char *TopLevelKeys[] = {
    "version",           "include",           "entries",
    "frameworks",        "synchronous",       "fork-join",
    "executor-switches", "non-moving-hops",   "offload",
    "executor-tags",     "lock-guards",       "mutexes",
    "async-mutexes",     "opt-in-categories", "future-sources",
    "future-tokens",     "not-followed"};
constexpr const char *EntryKeys[] = {"name",
                                     "kind",
                                     "category",
                                     "reason",
                                     "alternative",
                                     "alternatives",
                                     "fixes",
                                     "when-argument",
                                     "unless-argument",
                                     "nonblocking-if",
                                     "on-async-future",
                                     "runs-event-loop",
                                     "ready-after",
                                     "descriptor-argument",
                                     "in-memory"};
constexpr const char *SwitchKeys[] = {"name", "kind", "when-argument",
                                      "unless-argument"};
constexpr const char *HopKeys[] = {"name", "kind", "when-argument",
                                   "unless-argument", "reason"};
constexpr const char *FrameworkKeys[] = {"name", "task-types", "offload",
                                         "lock-alternative"};
constexpr const char *FixKeys[] = {"replacement", "requires"};
constexpr const char *ConditionKeys[] = {
    "argument", "zero", "flag", "at-most", "prefix", "equals", "numeric-host"};
constexpr const char *InMemoryKeys[] = {"argument", "category", "reason"};
constexpr const char *RequiredEntryKeys[] = {"name", "category", "reason",
                                             "alternative"};

std::string quotedList(llvm::ArrayRef<const char *> Words) {
  std::string Out;
  for (const char *Word : Words) {
    if (!Out.empty())
      Out += ", ";
    Out += "'" + std::string(Word) + "'";
  }
  return Out;
}

/// Category and framework names: lowercase letters, digits and '-'.
bool isCategoryName(llvm::StringRef Name) {
  return !Name.empty() && llvm::isLower(Name.front()) &&
         llvm::all_of(Name, [](char C) {
           return llvm::isLower(C) || llvm::isDigit(C) || C == '-';
         });
}

/// Bounds on includes, far above any real catalog's.
constexpr size_t MaxIncludeDepth = 32;
constexpr size_t MaxCatalogFiles = 1000;

class Loader {
public:
  Loader(const CatalogReader &Read, LoadedCatalog &Result)
      : Read(Read), Result(Result) {}

  void loadFile(const std::string &Path, const YAML::Mark *IncludedAt,
                const std::string &IncludingFile);

private:
  void error(const std::string &File, const YAML::Mark &Mark,
             std::string Message);
  void loadDocument(const std::string &Path, const YAML::Node &Root);
  void loadIncludes(const std::string &Path, const YAML::Node &Includes);
  void loadEntry(const std::string &Path, const YAML::Node &Node);
  void loadCallOnly(const std::string &Path, const YAML::Node &Node,
                    const char *What, Catalog &Into);
  void loadHop(const std::string &Path, const YAML::Node &Node);
  void loadNameLists(const std::string &Path, const YAML::Node &Root);
  void loadFramework(const std::string &Path, const YAML::Node &Node);
  bool loadCallShape(const std::string &Path, const YAML::Node &Node,
                     CatalogEntry &Entry);
  bool loadFrameworkMaps(const std::string &Path, const YAML::Node &Node,
                         CatalogEntry &Entry);
  bool loadConditions(const std::string &Path, const YAML::Node &Node,
                      CatalogEntry &Entry);
  bool loadInMemory(const std::string &Path, const YAML::Node &Node,
                    CatalogEntry &Entry);
  std::optional<std::string> nameKey(const std::string &Path,
                                     const YAML::Node &Node, const char *Key,
                                     const char *What);
  template <typename LoadItem>
  void loadSequence(const std::string &Path, const YAML::Node &Root,
                    const char *Key, LoadItem Load);
  bool checkKeys(const std::string &Path, const YAML::Node &Map,
                 llvm::ArrayRef<const char *> Allowed, const char *Where);
  std::optional<std::string> scalar(const std::string &Path,
                                    const YAML::Node &Node, const char *Key);
  std::optional<std::vector<std::string>> scalarList(const std::string &Path,
                                                     const YAML::Node &Node,
                                                     const char *Key,
                                                     bool Names = true);

  const CatalogReader &Read;
  LoadedCatalog &Result;
  std::vector<std::string> Stack; // files being loaded, for cycle detection
  llvm::StringSet<> Loaded;
};

void Loader::error(const std::string &File, const YAML::Mark &Mark,
                   std::string Message) {
  CatalogError Error;
  Error.File = File;
  if (!Mark.is_null()) {
    Error.Line = Mark.line + 1;
    Error.Column = Mark.column + 1;
  }
  Error.Message = std::move(Message);
  Result.Errors.push_back(std::move(Error));
}

void Loader::loadFile(const std::string &Path, const YAML::Mark *IncludedAt,
                      const std::string &IncludingFile) {
  const YAML::Mark NoMark = YAML::Mark::null_mark();
  const YAML::Mark &At = IncludedAt ? *IncludedAt : NoMark;
  if (llvm::is_contained(Stack, Path)) {
    std::string Cycle;
    for (const std::string &File : Stack)
      Cycle += File + " -> ";
    error(IncludingFile, At, "include cycle: " + Cycle + Path);
    return;
  }
  if (!Loaded.insert(Path).second)
    return; // already loaded through another include
  // A directory symlink that points up makes every include path new: the
  // nesting and the number of files are bounded.
  if (Stack.size() >= MaxIncludeDepth || Loaded.size() > MaxCatalogFiles) {
    error(IncludingFile, At,
          Stack.size() >= MaxIncludeDepth
              ? "includes nested deeper than " +
                    std::to_string(MaxIncludeDepth) + " files"
              : "more than " + std::to_string(MaxCatalogFiles) +
                    " catalog files included");
    return;
  }
  Result.FilesRead.push_back(Path);
  std::optional<std::string> Text = Read(Path);
  if (!Text) {
    error(IncludedAt ? IncludingFile : Path, At,
          IncludedAt ? "cannot read included catalog '" + Path + "'"
                     : "cannot read catalog file");
    return;
  }
  YAML::Node Root;
  try {
    Root = YAML::Load(*Text);
  } catch (const YAML::Exception &E) {
    error(Path, E.mark, "invalid YAML: " + E.msg);
    return;
  }
  Stack.push_back(Path);
  try {
    loadDocument(Path, Root);
  } catch (const YAML::Exception &E) {
    error(Path, E.mark, "invalid catalog: " + E.msg);
  }
  Stack.pop_back();
}

bool Loader::checkKeys(const std::string &Path, const YAML::Node &Map,
                       llvm::ArrayRef<const char *> Allowed,
                       const char *Where) {
  bool Ok = true;
  llvm::StringSet<> Seen;
  for (const auto &KeyValue : Map) {
    const auto Key = KeyValue.first.as<std::string>();
    if (!llvm::is_contained(Allowed, llvm::StringRef(Key))) {
      error(Path, KeyValue.first.Mark(),
            "unknown key '" + Key + "' in " + Where + "; expected one of " +
                quotedList(Allowed));
      Ok = false;
    } else if (!Seen.insert(Key).second) {
      error(Path, KeyValue.first.Mark(),
            "duplicate key '" + Key + "' in " + Where);
      Ok = false;
    }
  }
  return Ok;
}

std::optional<std::string> Loader::scalar(const std::string &Path,
                                          const YAML::Node &Node,
                                          const char *Key) {
  if (!Node.IsScalar() || Node.Scalar().empty()) {
    error(Path, Node.Mark(),
          "expected a non-empty string for '" + std::string(Key) + "'");
    return std::nullopt;
  }
  return Node.Scalar();
}

std::optional<std::vector<std::string>>
Loader::scalarList(const std::string &Path, const YAML::Node &Node,
                   const char *Key, bool Names) {
  if (!Node.IsSequence()) {
    error(Path, Node.Mark(),
          "expected a list of strings for '" + std::string(Key) + "'");
    return std::nullopt;
  }
  std::vector<std::string> Items;
  for (const YAML::Node &Item : Node) {
    std::optional<std::string> Value = scalar(Path, Item, Key);
    if (!Value)
      return std::nullopt;
    Items.push_back(Names ? normalizeQualifiedName(*Value).str() : *Value);
  }
  return Items;
}

void Loader::loadDocument(const std::string &Path, const YAML::Node &Root) {
  if (!Root.IsMap()) {
    error(Path, Root.Mark(),
          "expected a mapping with 'version' at the top of the catalog");
    return;
  }
  if (!checkKeys(Path, Root, TopLevelKeys, "catalog"))
    return;
  const YAML::Node Version = Root["version"];
  if (!Version) {
    error(Path, Root.Mark(), "missing required key 'version'");
    return;
  }
  if (!Version.IsScalar() ||
      Version.Scalar() != std::to_string(CatalogFormatVersion)) {
    error(Path, Version.Mark(),
          "unsupported catalog version '" +
              (Version.IsScalar() ? Version.Scalar() : std::string("?")) +
              "'; this coro-tidy reads version " +
              std::to_string(CatalogFormatVersion));
    return;
  }
  if (const YAML::Node Includes = Root["include"])
    loadIncludes(Path, Includes);
  loadSequence(Path, Root, "entries",
               [&](const YAML::Node &Node) { loadEntry(Path, Node); });
  loadSequence(Path, Root, "executor-switches", [&](const YAML::Node &Node) {
    loadCallOnly(Path, Node, "executor switch", Result.ExecutorSwitches);
  });
  loadSequence(Path, Root, "non-moving-hops",
               [&](const YAML::Node &Node) { loadHop(Path, Node); });
  loadSequence(Path, Root, "offload", [&](const YAML::Node &Node) {
    loadCallOnly(Path, Node, "offload API", Result.OffloadApis);
  });
  loadSequence(Path, Root, "frameworks",
               [&](const YAML::Node &Node) { loadFramework(Path, Node); });
  loadNameLists(Path, Root);
}

void Loader::loadNameLists(const std::string &Path, const YAML::Node &Root) {
  for (auto [Key, Field] : {std::pair{"synchronous", &Result.Synchronous},
                            std::pair{"fork-join", &Result.Synchronous},
                            std::pair{"future-sources", &Result.FutureSources},
                            std::pair{"executor-tags", &Result.ExecutorTags},
                            std::pair{"lock-guards", &Result.LockGuards},
                            std::pair{"mutexes", &Result.Mutexes},
                            std::pair{"async-mutexes", &Result.AsyncMutexes},
                            std::pair{"not-followed", &Result.NotFollowed}})
    if (const YAML::Node Names = Root[Key])
      if (std::optional<std::vector<std::string>> List =
              scalarList(Path, Names, Key))
        for (const std::string &Name : *List)
          Field->insert(Name);
  if (const YAML::Node Tokens = Root["future-tokens"])
    if (std::optional<std::vector<std::string>> List =
            scalarList(Path, Tokens, "future-tokens"))
      llvm::append_range(Result.FutureTokens, *List);
  if (const YAML::Node Categories = Root["opt-in-categories"]) {
    if (!Categories.IsSequence()) {
      error(Path, Categories.Mark(),
            "expected a list of categories for 'opt-in-categories'");
      return;
    }
    for (const YAML::Node &Category : Categories)
      if (std::optional<std::string> Name =
              nameKey(Path, Category, "opt-in-categories", "category"))
        Result.OptInCategories.push_back(*Name);
  }
}

template <typename LoadItem>
void Loader::loadSequence(const std::string &Path, const YAML::Node &Root,
                          const char *Key, LoadItem Load) {
  const YAML::Node Items = Root[Key];
  if (!Items)
    return;
  if (!Items.IsSequence()) {
    error(Path, Items.Mark(), "expected a list for '" + std::string(Key) + "'");
    return;
  }
  for (const YAML::Node &Item : Items) {
    if (!Item.IsMap()) {
      error(Path, Item.Mark(),
            "expected a mapping in '" + std::string(Key) + "'");
      continue;
    }
    Load(Item);
  }
}

void Loader::loadIncludes(const std::string &Path, const YAML::Node &Includes) {
  std::optional<std::vector<std::string>> Files =
      scalarList(Path, Includes, "include");
  if (!Files)
    return;
  llvm::StringRef Dir = llvm::sys::path::parent_path(Path);
  for (size_t I = 0; I < Files->size(); ++I) {
    llvm::SmallString<256> Included((*Files)[I]);
    if (!llvm::sys::path::is_absolute(Included)) {
      Included = Dir;
      llvm::sys::path::append(Included, (*Files)[I]);
    }
    llvm::sys::path::remove_dots(Included, /*remove_dot_dot=*/true);
    const YAML::Mark At = Includes[I].Mark();
    loadFile(std::string(Included), &At, Path);
  }
}

std::optional<std::string> Loader::nameKey(const std::string &Path,
                                           const YAML::Node &Node,
                                           const char *Key, const char *What) {
  std::optional<std::string> Name = scalar(Path, Node, Key);
  if (Name && !isCategoryName(*Name)) {
    error(Path, Node.Mark(),
          std::string(What) + " '" + *Name +
              "' must be lowercase letters, digits and '-'");
    return std::nullopt;
  }
  return Name;
}

/// The keys an entry and an executor switch share: what call they match.
bool Loader::loadCallShape(const std::string &Path, const YAML::Node &Node,
                           CatalogEntry &Entry) {
  if (!Node["name"]) {
    error(Path, Node.Mark(), "missing required key 'name'");
    return false;
  }
  std::optional<std::string> Name = scalar(Path, Node["name"], "name");
  if (!Name)
    return false;
  Entry.Name = normalizeQualifiedName(*Name).str();
  Entry.File = Path;
  Entry.Line = Node.Mark().line + 1;
  if (const YAML::Node Kind = Node["kind"]) {
    std::optional<std::string> Value = scalar(Path, Kind, "kind");
    if (!Value)
      return false;
    if (*Value == "function")
      Entry.Kind = EntryKind::Function;
    else if (*Value == "method")
      Entry.Kind = EntryKind::Method;
    else if (*Value == "constructor")
      Entry.Kind = EntryKind::Constructor;
    else {
      error(Path, Kind.Mark(),
            "unknown kind '" + *Value +
                "'; expected 'function', 'method' or 'constructor'");
      return false;
    }
  }
  for (auto [Key, Field] :
       {std::pair{"when-argument", &Entry.WhenArgument},
        std::pair{"unless-argument", &Entry.UnlessArgument}}) {
    if (const YAML::Node List = Node[Key]) {
      std::optional<std::vector<std::string>> Items =
          scalarList(Path, List, Key);
      if (!Items)
        return false;
      *Field = std::move(*Items);
    }
  }
  return true;
}

bool Loader::loadFrameworkMaps(const std::string &Path, const YAML::Node &Node,
                               CatalogEntry &Entry) {
  if (const YAML::Node Alternatives = Node["alternatives"]) {
    if (!Alternatives.IsMap()) {
      error(Path, Alternatives.Mark(),
            "expected a mapping from framework to text for 'alternatives'");
      return false;
    }
    for (const auto &KeyValue : Alternatives) {
      std::optional<std::string> Framework =
          nameKey(Path, KeyValue.first, "alternatives", "framework");
      std::optional<std::string> Text =
          scalar(Path, KeyValue.second, "alternatives");
      if (!Framework || !Text)
        return false;
      Entry.Alternatives[*Framework] = *Text;
    }
  }
  if (const YAML::Node Fixes = Node["fixes"]) {
    if (!Fixes.IsMap()) {
      error(Path, Fixes.Mark(),
            "expected a mapping from framework to fix for 'fixes'");
      return false;
    }
    for (const auto &KeyValue : Fixes) {
      std::optional<std::string> Framework =
          nameKey(Path, KeyValue.first, "fixes", "framework");
      if (!Framework)
        return false;
      const YAML::Node &Fix = KeyValue.second;
      if (!Fix.IsMap()) {
        error(Path, Fix.Mark(),
              "expected a mapping with 'replacement' for a fix");
        return false;
      }
      if (!checkKeys(Path, Fix, FixKeys, "fix"))
        return false;
      if (!Fix["replacement"]) {
        error(Path, Fix.Mark(), "missing required key 'replacement' in fix");
        return false;
      }
      CatalogFix Loaded;
      std::optional<std::string> Replacement =
          scalar(Path, Fix["replacement"], "replacement");
      if (!Replacement)
        return false;
      Loaded.Replacement = *Replacement;
      if (const YAML::Node Requires = Fix["requires"]) {
        std::optional<std::vector<std::string>> Names =
            scalarList(Path, Requires, "requires");
        if (!Names)
          return false;
        Loaded.Requires = std::move(*Names);
      }
      Entry.Fixes[*Framework] = std::move(Loaded);
    }
  }
  return true;
}

bool Loader::loadConditions(const std::string &Path, const YAML::Node &Node,
                            CatalogEntry &Entry) {
  const YAML::Node Conditions = Node["nonblocking-if"];
  if (!Conditions)
    return true;
  if (!Conditions.IsSequence()) {
    error(Path, Conditions.Mark(),
          "expected a list of conditions for 'nonblocking-if'");
    return false;
  }
  for (const YAML::Node &Item : Conditions) {
    if (!Item.IsMap() || !Item["argument"]) {
      error(Path, Item.Mark(),
            "expected a mapping with 'argument' and 'zero' or 'flag'");
      return false;
    }
    if (!checkKeys(Path, Item, ConditionKeys, "nonblocking-if condition"))
      return false;
    NonBlockingCondition Condition;
    Condition.Argument = Item["argument"].as<unsigned>();
    if (Condition.Argument == 0) {
      error(Path, Item["argument"].Mark(),
            "'argument' counts from 1 (the first argument)");
      return false;
    }
    if (const YAML::Node Zero = Item["zero"])
      Condition.Zero = Zero.as<bool>();
    if (const YAML::Node Flag = Item["flag"])
      Condition.FlagMask = Flag.as<uint64_t>();
    if (const YAML::Node AtMost = Item["at-most"])
      Condition.AtMost = AtMost.as<uint64_t>();
    if (const YAML::Node Prefixes = Item["prefix"]) {
      std::optional<std::vector<std::string>> List =
          scalarList(Path, Prefixes, "prefix", /*Names=*/false);
      if (!List)
        return false;
      Condition.Prefixes = std::move(*List);
    }
    if (const YAML::Node Equals = Item["equals"]) {
      std::optional<std::vector<std::string>> List =
          scalarList(Path, Equals, "equals", /*Names=*/false);
      if (!List)
        return false;
      Condition.Equals = std::move(*List);
    }
    if (const YAML::Node NumericHost = Item["numeric-host"])
      Condition.NumericHost = NumericHost.as<bool>();
    if (!Condition.Zero && Condition.FlagMask == 0 && !Condition.AtMost &&
        Condition.Prefixes.empty() && Condition.Equals.empty() &&
        !Condition.NumericHost) {
      error(Path, Item.Mark(),
            "a nonblocking-if condition needs 'zero: true', a non-zero "
            "'flag', 'at-most', 'prefix', 'equals' or 'numeric-host: true'");
      return false;
    }
    Entry.NonBlockingIf.push_back(Condition);
  }
  return true;
}

/// The entry's in-memory form: the same call, another category and reason.
bool Loader::loadInMemory(const std::string &Path, const YAML::Node &Node,
                          CatalogEntry &Entry) {
  if (!Node.IsMap() || !Node["argument"] || !Node["category"] ||
      !Node["reason"]) {
    error(Path, Node.Mark(),
          "expected a mapping with 'argument', 'category' and 'reason' for "
          "'in-memory'");
    return false;
  }
  if (!checkKeys(Path, Node, InMemoryKeys, "in-memory"))
    return false;
  const unsigned Argument = Node["argument"].as<unsigned>();
  if (Argument == 0) {
    error(Path, Node["argument"].Mark(),
          "'argument' counts from 1 (the first argument)");
    return false;
  }
  std::optional<std::string> Category =
      nameKey(Path, Node["category"], "category", "category");
  std::optional<std::string> Reason = scalar(Path, Node["reason"], "reason");
  if (!Category || !Reason)
    return false;
  auto Variant = std::make_shared<CatalogEntry>(Entry);
  Variant->Category = *Category;
  Variant->Reason = *Reason;
  Entry.InMemoryArgument = Argument;
  Entry.InMemory = std::move(Variant);
  return true;
}

void Loader::loadEntry(const std::string &Path, const YAML::Node &Node) {
  if (!checkKeys(Path, Node, EntryKeys, "catalog entry"))
    return;
  for (const char *Key : RequiredEntryKeys) {
    if (!Node[Key]) {
      error(Path, Node.Mark(),
            "missing required key '" + std::string(Key) + "' in catalog entry");
      return;
    }
  }
  CatalogEntry Entry;
  if (!loadCallShape(Path, Node, Entry))
    return;
  std::optional<std::string> Category =
      nameKey(Path, Node["category"], "category", "category");
  std::optional<std::string> Reason = scalar(Path, Node["reason"], "reason");
  std::optional<std::string> Alternative =
      scalar(Path, Node["alternative"], "alternative");
  if (!Category || !Reason || !Alternative)
    return;
  Entry.Category = *Category;
  Entry.Reason = *Reason;
  Entry.Alternative = *Alternative;
  if (!loadFrameworkMaps(Path, Node, Entry) ||
      !loadConditions(Path, Node, Entry))
    return;
  if (const YAML::Node OnAsyncFuture = Node["on-async-future"]) {
    if (OnAsyncFuture.IsSequence()) {
      std::optional<std::vector<std::string>> Sources =
          scalarList(Path, OnAsyncFuture, "on-async-future", /*Names=*/true);
      if (!Sources)
        return;
      Entry.OnAsyncFuture = true;
      Entry.AsyncFutureSources = std::move(*Sources);
    } else if (bool Any = false;
               YAML::convert<bool>::decode(OnAsyncFuture, Any)) {
      Entry.OnAsyncFuture = Any;
    } else {
      error(Path, OnAsyncFuture.Mark(),
            "expected true, false or a list of future sources and tokens "
            "for 'on-async-future'");
      return;
    }
  }
  if (const YAML::Node RunsEventLoop = Node["runs-event-loop"])
    Entry.RunsEventLoop = RunsEventLoop.as<bool>();
  if (const YAML::Node ReadyAfter = Node["ready-after"]) {
    std::optional<std::vector<std::string>> Names =
        scalarList(Path, ReadyAfter, "ready-after", /*Names=*/true);
    if (!Names)
      return;
    Entry.ReadyAfter = std::move(*Names);
  }
  if (const YAML::Node Descriptor = Node["descriptor-argument"]) {
    Entry.DescriptorArgument = Descriptor.as<unsigned>();
    if (Entry.DescriptorArgument == 0) {
      error(Path, Descriptor.Mark(),
            "'descriptor-argument' counts from 1 (the first argument)");
      return;
    }
  }
  if (const YAML::Node InMemory = Node["in-memory"])
    if (!loadInMemory(Path, InMemory, Entry))
      return;
  Result.Entries.add(std::move(Entry));
}

/// An executor switch or an offload API: a call shape without advice.
void Loader::loadCallOnly(const std::string &Path, const YAML::Node &Node,
                          const char *What, Catalog &Into) {
  if (!checkKeys(Path, Node, SwitchKeys, What))
    return;
  CatalogEntry Call;
  Call.Category = What;
  if (loadCallShape(Path, Node, Call))
    Into.add(std::move(Call));
}

/// A hop that does not move the coroutine: a call shape and why.
void Loader::loadHop(const std::string &Path, const YAML::Node &Node) {
  if (!checkKeys(Path, Node, HopKeys, "non-moving hop"))
    return;
  if (!Node["reason"]) {
    error(Path, Node.Mark(), "missing required key 'reason' in non-moving hop");
    return;
  }
  CatalogEntry Hop;
  Hop.Category = "non-moving hop";
  std::optional<std::string> Reason = scalar(Path, Node["reason"], "reason");
  if (!Reason || !loadCallShape(Path, Node, Hop))
    return;
  Hop.Reason = *Reason;
  Result.NonMovingHops.add(std::move(Hop));
}

void Loader::loadFramework(const std::string &Path, const YAML::Node &Node) {
  if (!checkKeys(Path, Node, FrameworkKeys, "framework"))
    return;
  if (!Node["name"] || !Node["task-types"]) {
    error(Path, Node.Mark(), "a framework needs 'name' and 'task-types'");
    return;
  }
  std::optional<std::string> Name =
      nameKey(Path, Node["name"], "name", "framework");
  std::optional<std::vector<std::string>> Types =
      scalarList(Path, Node["task-types"], "task-types");
  if (!Name || !Types)
    return;
  for (auto [Key, Field] :
       {std::pair{"offload", &Result.OffloadOf},
        std::pair{"lock-alternative", &Result.LockAlternativeOf}}) {
    if (const YAML::Node Text = Node[Key]) {
      std::optional<std::string> Value = scalar(Path, Text, Key);
      if (!Value)
        return;
      (*Field)[*Name] = std::move(*Value);
    }
  }
  for (const std::string &Type : *Types)
    Result.FrameworkOfTaskType[Type] = *Name;
}

} // namespace

void loadCatalog(const std::string &Path, const CatalogReader &Read,
                 LoadedCatalog &Into) {
  Loader L(Read, Into);
  L.loadFile(Path, nullptr, "");
}

} // namespace coro_tidy
