//===----------------------------------------------------------------------===//

#include "SarifExport.h"
#include "CheckDescriptions.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"
#include <cstring>
#include <map>
#include <optional>

namespace coro_tidy {
namespace {

using clang::tooling::Diagnostic;
using clang::tooling::DiagnosticMessage;
namespace json = llvm::json;

/// Prose without the Markdown marks around code.
std::string plainText(llvm::StringRef Prose) {
  std::string Text = Prose.str();
  llvm::erase(Text, '`');
  return Text;
}

/// Where a rule's documentation is: \p DocsUrl with "{check}" replaced by
/// the rule, or the rule appended as a path element; none without a URL.
std::optional<std::string> helpUri(llvm::StringRef Id,
                                   llvm::StringRef DocsUrl) {
  if (DocsUrl.empty())
    return std::nullopt;
  const size_t Slot = DocsUrl.find("{check}");
  if (Slot != llvm::StringRef::npos)
    return (DocsUrl.take_front(Slot) + Id +
            DocsUrl.drop_front(Slot + strlen("{check}")))
        .str();
  return (DocsUrl.rtrim('/') + "/" + Id).str();
}

/// \p Path, relative to \p BuildDirectory (the compile directory) when it
/// is not absolute, without dots.
std::string resolve(llvm::StringRef Path, llvm::StringRef BuildDirectory) {
  llvm::SmallString<256> Resolved(Path);
  if (!Path.empty() && !llvm::sys::path::is_absolute(Path) &&
      !BuildDirectory.empty()) {
    Resolved = BuildDirectory;
    llvm::sys::path::append(Resolved, Path);
  }
  llvm::sys::path::remove_dots(Resolved, /*remove_dot_dot=*/true);
  return std::string(Resolved);
}

void resolvePaths(DiagnosticMessage &Message, llvm::StringRef BuildDirectory) {
  Message.FilePath = resolve(Message.FilePath, BuildDirectory);
  llvm::StringMap<clang::tooling::Replacements> Fixes;
  for (auto &[File, Replacements] : Message.Fix)
    Fixes[resolve(File, BuildDirectory)] = std::move(Replacements);
  Message.Fix = std::move(Fixes);
}

/// clang-tidy exports paths as the compile command names them, relative to
/// its directory; SARIF needs them whole.
void resolvePaths(Diagnostic &D) {
  resolvePaths(D.Message, D.BuildDirectory);
  for (DiagnosticMessage &Note : D.Notes)
    resolvePaths(Note, D.BuildDirectory);
}

/// \p Path with what a URI cannot hold percent-encoded.
std::string uriPath(llvm::StringRef Path) {
  std::string Uri;
  for (char C : Path) {
    if (llvm::isAlnum(C) || llvm::StringRef("/-._~").contains(C))
      Uri += C;
    else
      Uri += "%" + llvm::utohexstr(static_cast<unsigned char>(C),
                                   /*LowerCase=*/false, /*Width=*/2);
  }
  return Uri;
}

std::string absolute(llvm::StringRef Path) {
  llvm::SmallString<256> Absolute(Path);
  (void)llvm::sys::fs::make_absolute(Absolute);
  llvm::sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
  return std::string(Absolute);
}

/// The root locations are relative to: \p Option, else the top of the git
/// work tree holding the current directory, else the current directory.
std::string sourceRoot(llvm::StringRef Option) {
  if (!Option.empty())
    return absolute(Option);
  std::string Cwd = absolute(".");
  for (llvm::StringRef Dir = Cwd; !Dir.empty();
       Dir = llvm::sys::path::parent_path(Dir)) {
    llvm::SmallString<256> Git(Dir);
    llvm::sys::path::append(Git, ".git");
    if (llvm::sys::fs::exists(Git))
      return Dir.str();
  }
  return Cwd;
}

/// Artifact locations: relative to %SRCROOT% under the source root (code
/// scanning maps them onto the repository), absolute file URIs elsewhere
/// (system headers).
class ArtifactUris {
public:
  explicit ArtifactUris(std::string Root) : Root(std::move(Root)) {}

  json::Object of(llvm::StringRef Path) const {
    const std::string File = absolute(Path);
    llvm::StringRef Relative = File;
    if (Relative.consume_front(Root) && Relative.consume_front("/"))
      return json::Object{{"uri", uriPath(Relative)}, {"uriBaseId", BaseId}};
    return json::Object{{"uri", "file://" + uriPath(File)}};
  }

  json::Object originalUriBaseIds() const {
    const std::string Folder = Root == "/" ? Root : Root + "/";
    return json::Object{
        {BaseId, json::Object{{"uri", "file://" + uriPath(Folder)}}}};
  }

private:
  static constexpr const char *BaseId = "%SRCROOT%";
  std::string Root;
};

/// The number of code points in UTF-8 \p Text: its bytes that do not
/// continue a sequence.
unsigned codePoints(llvm::StringRef Text) {
  return llvm::count_if(Text, [](char C) {
    return (static_cast<unsigned char>(C) & 0xC0) != 0x80;
  });
}

/// \p Line trimmed, with each run of blanks made one space.
std::string collapseBlanks(llvm::StringRef Line) {
  std::string Collapsed;
  for (char C : Line.trim()) {
    const bool Blank = C == ' ' || C == '\t';
    if (!Blank)
      Collapsed += C;
    else if (Collapsed.back() != ' ')
      Collapsed += ' ';
  }
  return Collapsed;
}

/// Positions in source files, in code points as SARIF viewers count them
/// (clang-tidy's offsets are bytes); files read once.
class SourceTable {
public:
  struct Position {
    unsigned Line;
    unsigned Column;
    /// The line's text, blanks collapsed: what a finding's fingerprint
    /// keeps instead of its line number.
    std::string LineText;
  };

  std::optional<Position> position(llvm::StringRef File, unsigned Offset) {
    std::optional<llvm::StringRef> Text = text(File);
    if (!Text || Offset > Text->size())
      return std::nullopt;
    llvm::StringRef Before = Text->take_front(Offset);
    const size_t LineStart = Before.rfind('\n') + 1; // npos + 1 == 0
    llvm::StringRef Line = Text->drop_front(LineStart).split('\n').first;
    return Position{static_cast<unsigned>(Before.count('\n')) + 1,
                    codePoints(Before.drop_front(LineStart)) + 1,
                    collapseBlanks(Line)};
  }

  /// \p Offset (bytes) in \p File as a count of code points.
  std::optional<unsigned> charOffset(llvm::StringRef File, unsigned Offset) {
    std::optional<llvm::StringRef> Text = text(File);
    if (!Text || Offset > Text->size())
      return std::nullopt;
    return codePoints(Text->take_front(Offset));
  }

private:
  std::optional<llvm::StringRef> text(llvm::StringRef File) {
    auto &Buffer = Buffers[File];
    if (!Buffer) {
      auto Read = llvm::MemoryBuffer::getFile(File);
      if (!Read)
        return std::nullopt;
      Buffer = std::move(*Read);
    }
    return Buffer->getBuffer();
  }

  llvm::StringMap<std::unique_ptr<llvm::MemoryBuffer>> Buffers;
};

/// What a log's locations are made with.
struct LogSources {
  SourceTable Text;
  ArtifactUris Uris;
};

json::Object physicalLocation(const DiagnosticMessage &Message,
                              LogSources &Sources) {
  json::Object Physical{
      {"artifactLocation", Sources.Uris.of(Message.FilePath)}};
  if (auto Position =
          Sources.Text.position(Message.FilePath, Message.FileOffset))
    Physical["region"] = json::Object{{"startLine", Position->Line},
                                      {"startColumn", Position->Column}};
  return Physical;
}

json::Object location(const DiagnosticMessage &Message, LogSources &Sources) {
  return json::Object{{"physicalLocation", physicalLocation(Message, Sources)},
                      {"message", json::Object{{"text", Message.Message}}}};
}

/// The fixes of a message, as SARIF fix objects.
void addFixes(const DiagnosticMessage &Message, llvm::StringRef Description,
              LogSources &Sources, json::Array &Fixes) {
  if (Message.Fix.empty())
    return;
  json::Array Changes;
  for (const auto &[File, Replacements] : Message.Fix) {
    json::Array Edits;
    for (const clang::tooling::Replacement &R : Replacements) {
      const unsigned Start =
          Sources.Text.charOffset(File, R.getOffset()).value_or(R.getOffset());
      const unsigned End =
          Sources.Text.charOffset(File, R.getOffset() + R.getLength())
              .value_or(R.getOffset() + R.getLength());
      Edits.push_back(json::Object{
          {"deletedRegion",
           json::Object{{"charOffset", Start}, {"charLength", End - Start}}},
          {"insertedContent",
           json::Object{{"text", R.getReplacementText().str()}}}});
    }
    Changes.push_back(json::Object{{"artifactLocation", Sources.Uris.of(File)},
                                   {"replacements", std::move(Edits)}});
  }
  Fixes.push_back(
      json::Object{{"description", json::Object{{"text", Description.str()}}},
                   {"artifactChanges", std::move(Changes)}});
}

const char *level(const Diagnostic &D) {
  return D.DiagLevel == Diagnostic::Error ? "error" : "warning";
}

/// The caller and callee of a helper chain's hop ("'f' calls 'g' here"),
/// quotes included, if \p Note is one.
std::optional<std::pair<std::string, std::string>>
chainHop(const DiagnosticMessage &Note) {
  static const llvm::Regex Hop("^(.+) (calls|constructs) (.+) (here|at .+)$");
  llvm::SmallVector<llvm::StringRef, 5> Parts;
  if (!Hop.match(Note.Message, &Parts))
    return std::nullopt;
  return std::make_pair(Parts[1].str(), Parts[3].str());
}

bool isChainHop(const DiagnosticMessage &Note) {
  return chainHop(Note).has_value();
}

/// SARIF message text: a literal bracket is escaped, since brackets mark
/// embedded links.
std::string escapeBrackets(llvm::StringRef Text) {
  std::string Escaped;
  for (char C : Text) {
    if (C == '[' || C == ']')
      Escaped += '\\';
    Escaped += C;
  }
  return Escaped;
}

/// Links the first unlinked \p Name (quoted) in \p Text to related
/// location \p Id: 'load_config' becomes '[load_config](1)'.
void link(std::string &Text, llvm::StringRef Name, unsigned Id,
          size_t &LinkedUpTo) {
  const std::string Escaped = escapeBrackets(Name);
  if (Escaped.size() < 3 || Escaped.front() != '\'' || Escaped.back() != '\'')
    return;
  const size_t At = Text.find(Escaped, LinkedUpTo);
  if (At == std::string::npos)
    return;
  const std::string Linked = "'[" + Escaped.substr(1, Escaped.size() - 2) +
                             "](" + std::to_string(Id) + ")'";
  Text.replace(At, Escaped.size(), Linked);
  LinkedUpTo = At + Linked.size();
}

/// The finding's message with the names its notes are about linked to
/// them (relatedLocations ids count from 1): the helper it calls to the
/// chain's first hop, the blocking API to the last.
std::string linkedMessage(const Diagnostic &D) {
  std::string Text = escapeBrackets(D.Message.Message);
  std::optional<unsigned> First, Last;
  for (unsigned I = 0; I < D.Notes.size(); ++I)
    if (isChainHop(D.Notes[I])) {
      First = First.value_or(I);
      Last = I;
    }
  size_t LinkedUpTo = 0;
  if (!First || !Last)
    return Text;
  if (auto Hop = chainHop(D.Notes[*First]))
    link(Text, Hop->first, *First + 1, LinkedUpTo);
  if (auto Hop = chainHop(D.Notes[*Last]))
    link(Text, Hop->second, *Last + 1, LinkedUpTo);
  return Text;
}

/// A chain as a SARIF thread flow: the call in the coroutine, then a
/// location per hop.
std::optional<json::Object> codeFlow(const Diagnostic &D, LogSources &Sources) {
  json::Array Steps{json::Object{{"location", location(D.Message, Sources)}}};
  for (const DiagnosticMessage &Note : D.Notes)
    if (isChainHop(Note))
      Steps.push_back(json::Object{{"location", location(Note, Sources)}});
  if (Steps.size() == 1)
    return std::nullopt;
  return json::Object{{"threadFlows", json::Array{json::Object{
                                          {"locations", std::move(Steps)}}}}};
}

/// The path a fingerprint keeps: relative to the working directory (the
/// checkout, in CI), so that it does not depend on where that is.
std::string fingerprintPath(llvm::StringRef File) {
  llvm::SmallString<256> Cwd;
  if (llvm::sys::fs::current_path(Cwd))
    return File.str();
  llvm::StringRef Relative = File;
  if (Relative.consume_front(Cwd) && Relative.consume_front("/"))
    return Relative.str();
  return File.str();
}

/// Fingerprints a finding by what it says and the text of its line, not its
/// line number, so that code scanning follows it when lines above move;
/// identical findings on identical lines are told apart by their order.
class Fingerprints {
public:
  std::string of(const Diagnostic &D, SourceTable &Sources) {
    auto Position = Sources.position(D.Message.FilePath, D.Message.FileOffset);
    const std::string Key =
        llvm::join(std::vector<std::string>{D.DiagnosticName,
                                            fingerprintPath(D.Message.FilePath),
                                            D.Message.Message,
                                            Position ? Position->LineText : ""},
                   std::string(1, '\0'));
    const unsigned Occurrence = ++Seen[Key];
    return llvm::utohexstr(
               llvm::xxh3_64bits(Key + '\0' + std::to_string(Occurrence)),
               /*LowerCase=*/true) +
           ":" + std::to_string(Occurrence);
  }

private:
  llvm::StringMap<unsigned> Seen;
};

json::Object result(const Diagnostic &D, LogSources &Sources,
                    Fingerprints &Prints) {
  json::Array Related, Fixes;
  for (const DiagnosticMessage &Note : D.Notes) {
    json::Object Location = location(Note, Sources);
    Location["id"] = static_cast<int64_t>(Related.size() + 1);
    Related.push_back(std::move(Location));
    addFixes(Note, Note.Message, Sources, Fixes);
  }
  addFixes(D.Message, D.Message.Message, Sources, Fixes);
  json::Object Result{
      {"ruleId", D.DiagnosticName},
      {"level", level(D)},
      {"message", json::Object{{"text", linkedMessage(D)}}},
      {"locations", json::Array{location(D.Message, Sources)}},
      {"partialFingerprints",
       json::Object{{"coroTidyFinding/v1", Prints.of(D, Sources.Text)}}}};
  if (!Related.empty())
    Result["relatedLocations"] = std::move(Related);
  if (std::optional<json::Object> Flow = codeFlow(D, Sources))
    Result["codeFlows"] = json::Array{std::move(*Flow)};
  if (!Fixes.empty())
    Result["fixes"] = std::move(Fixes);
  return Result;
}

json::Object rule(llvm::StringRef Id, llvm::StringRef DocsUrl) {
  const CheckDescription *Check = describeCheck(Id);
  if (!Check) {
    const std::string Text =
        "See the clang-tidy documentation of " + Id.str() + ".";
    return json::Object{{"id", Id.str()},
                        {"shortDescription", json::Object{{"text", Id.str()}}},
                        {"fullDescription", json::Object{{"text", Text}}},
                        {"help", json::Object{{"text", Text}}}};
  }
  const std::string Text = plainText(
      (Check->Finds + "\n\nWhy it matters: " + Check->Why +
       "\n\nThe fix: " + Check->Fix + "\n\nExample:\n" + Check->Example)
          .str());
  const std::string Markdown = (Check->Finds + "\n\n**Why it matters.** " +
                                Check->Why + "\n\n**The fix.** " + Check->Fix +
                                "\n\n```c++\n" + Check->Example + "\n```")
                                   .str();
  json::Object Rule{
      {"id", Id.str()},
      {"name", Id.str()},
      {"shortDescription", json::Object{{"text", Check->Title.str()}}},
      {"fullDescription", json::Object{{"text", plainText(Check->Finds)}}},
      {"help", json::Object{{"text", Text}, {"markdown", Markdown}}}};
  if (std::optional<std::string> Uri = helpUri(Id, DocsUrl))
    Rule["helpUri"] = std::move(*Uri);
  return Rule;
}

} // namespace

bool writeSarif(llvm::StringRef FixesFile, llvm::StringRef SarifFile,
                const SarifOptions &Options) {
  clang::tooling::TranslationUnitDiagnostics Exported;
  if (auto Buffer = llvm::MemoryBuffer::getFile(FixesFile)) {
    llvm::yaml::Input Input((*Buffer)->getBuffer());
    Input >> Exported;
    if (Input.error()) {
      llvm::errs() << "coro-tidy: cannot read '" << FixesFile
                   << "' to write SARIF\n";
      return false;
    }
  }
  LogSources Sources{SourceTable(),
                     ArtifactUris(sourceRoot(Options.SourceRoot))};
  Fingerprints Prints;
  json::Array Results, Rules;
  llvm::StringMap<bool> SeenRules;
  for (Diagnostic &D : Exported.Diagnostics) {
    resolvePaths(D);
    Results.push_back(result(D, Sources, Prints));
    if (SeenRules.insert({D.DiagnosticName, true}).second)
      Rules.push_back(rule(D.DiagnosticName, Options.DocsUrl));
  }
  json::Object Driver{{"name", "coro-tidy"},
                      {"version", CORO_TIDY_VERSION},
                      {"rules", std::move(Rules)}};
  json::Value Log = json::Object{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", json::Array{json::Object{
                   {"tool", json::Object{{"driver", std::move(Driver)}}},
                   {"originalUriBaseIds", Sources.Uris.originalUriBaseIds()},
                   {"columnKind", "unicodeCodePoints"},
                   {"results", std::move(Results)}}}}};
  std::error_code EC;
  llvm::raw_fd_ostream Out(SarifFile, EC);
  if (EC) {
    llvm::errs() << "coro-tidy: cannot write '" << SarifFile
                 << "': " << EC.message() << "\n";
    return false;
  }
  Out << llvm::formatv("{0:2}", Log) << "\n";
  return true;
}

} // namespace coro_tidy
