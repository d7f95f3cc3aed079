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

constexpr const char *TopLevelKeys[] = {"version", "include", "entries"};
constexpr const char *EntryKeys[] = {"name",        "kind",
                                     "category",    "reason",
                                     "alternative", "when-argument",
                                     "unless-argument"};
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

bool isCategoryName(llvm::StringRef Name) {
  return !Name.empty() && llvm::isLower(Name.front()) &&
         llvm::all_of(Name, [](char C) {
           return llvm::isLower(C) || llvm::isDigit(C) || C == '-';
         });
}

class Loader {
public:
  explicit Loader(const CatalogReader &Read) : Read(Read) {}

  void loadFile(const std::string &Path, const YAML::Mark *IncludedAt,
                const std::string &IncludingFile);
  CatalogLoadResult takeResult() { return std::move(Result); }

private:
  void error(const std::string &File, const YAML::Mark &Mark,
             std::string Message);
  void loadDocument(const std::string &Path, const YAML::Node &Root);
  void loadIncludes(const std::string &Path, const YAML::Node &Includes);
  void loadEntry(const std::string &Path, const YAML::Node &Node);
  bool checkKeys(const std::string &Path, const YAML::Node &Map,
                 llvm::ArrayRef<const char *> Allowed, const char *Where);
  std::optional<std::string> scalar(const std::string &Path,
                                    const YAML::Node &Node, const char *Key);
  std::optional<std::vector<std::string>>
  scalarList(const std::string &Path, const YAML::Node &Node, const char *Key);

  const CatalogReader &Read;
  CatalogLoadResult Result;
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
                   const char *Key) {
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
    Items.push_back(normalizeQualifiedName(*Value).str());
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
  if (const YAML::Node Entries = Root["entries"]) {
    if (!Entries.IsSequence()) {
      error(Path, Entries.Mark(), "expected a list of entries for 'entries'");
      return;
    }
    for (const YAML::Node &Entry : Entries)
      loadEntry(Path, Entry);
  }
}

void Loader::loadIncludes(const std::string &Path,
                          const YAML::Node &Includes) {
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

void Loader::loadEntry(const std::string &Path, const YAML::Node &Node) {
  if (!Node.IsMap()) {
    error(Path, Node.Mark(), "expected a mapping for a catalog entry");
    return;
  }
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
  Entry.File = Path;
  Entry.Line = Node.Mark().line + 1;
  std::optional<std::string> Name = scalar(Path, Node["name"], "name");
  std::optional<std::string> Category =
      scalar(Path, Node["category"], "category");
  std::optional<std::string> Reason = scalar(Path, Node["reason"], "reason");
  std::optional<std::string> Alternative =
      scalar(Path, Node["alternative"], "alternative");
  if (!Name || !Category || !Reason || !Alternative)
    return;
  if (!isCategoryName(*Category)) {
    error(Path, Node["category"].Mark(),
          "category '" + *Category +
              "' must be lowercase letters, digits and '-'");
    return;
  }
  Entry.Name = normalizeQualifiedName(*Name).str();
  Entry.Category = *Category;
  Entry.Reason = *Reason;
  Entry.Alternative = *Alternative;
  if (const YAML::Node Kind = Node["kind"]) {
    std::optional<std::string> Value = scalar(Path, Kind, "kind");
    if (!Value)
      return;
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
      return;
    }
  }
  for (auto [Key, Field] :
       {std::pair{"when-argument", &Entry.WhenArgument},
        std::pair{"unless-argument", &Entry.UnlessArgument}}) {
    if (const YAML::Node List = Node[Key]) {
      std::optional<std::vector<std::string>> Items =
          scalarList(Path, List, Key);
      if (!Items)
        return;
      *Field = std::move(*Items);
    }
  }
  Result.Entries.push_back(std::move(Entry));
}

} // namespace

CatalogLoadResult loadCatalog(const std::string &Path,
                              const CatalogReader &Read) {
  Loader L(Read);
  L.loadFile(Path, nullptr, "");
  return L.takeResult();
}

} // namespace coro_tidy
