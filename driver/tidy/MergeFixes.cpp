//===----------------------------------------------------------------------===//

#include "MergeFixes.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <string>
#include <vector>

namespace coro_tidy {
namespace {

using clang::tooling::Diagnostic;
using clang::tooling::DiagnosticMessage;
using clang::tooling::TranslationUnitDiagnostics;

/// The fixes files under \p Dir, sorted, so that the merge does not depend
/// on the order the units finished in.
llvm::Expected<std::vector<std::string>> fixesFiles(llvm::StringRef Dir) {
  std::vector<std::string> Files;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC))
    if (llvm::sys::path::extension(It->path()) == ".yaml")
      Files.push_back(It->path());
  if (EC)
    return llvm::createStringError(EC, "%s", EC.message().c_str());
  llvm::sort(Files);
  return Files;
}

/// What makes two exported diagnostics one finding.
std::string identity(const Diagnostic &D) {
  return (D.DiagnosticName + "\n" + D.Message.Message + "\n" +
          D.Message.FilePath + "\n" + llvm::Twine(D.Message.FileOffset))
      .str();
}

/// Keeps the fixes clang-tidy --fix (\p FixNotes: --fix-notes) applies.
void keepAppliedFixes(Diagnostic &D, bool FixNotes) {
  if (FixNotes && D.Message.Fix.empty())
    for (DiagnosticMessage &Note : D.Notes)
      if (!Note.Fix.empty()) {
        D.Message.Fix = Note.Fix;
        break;
      }
  for (DiagnosticMessage &Note : D.Notes)
    Note.Fix.clear();
}

} // namespace

int mergeFixes(llvm::StringRef FixesDir, llvm::StringRef OutFile,
               bool FixNotes) {
  llvm::Expected<std::vector<std::string>> Files = fixesFiles(FixesDir);
  if (!Files) {
    llvm::errs() << "coro-tidy: cannot list '" << FixesDir
                 << "': " << llvm::toString(Files.takeError()) << "\n";
    return 1;
  }
  TranslationUnitDiagnostics Merged;
  llvm::StringSet<> Seen;
  for (const std::string &File : *Files) {
    auto Buffer = llvm::MemoryBuffer::getFile(File);
    TranslationUnitDiagnostics Unit;
    if (Buffer) {
      llvm::yaml::Input Input((*Buffer)->getBuffer());
      Input >> Unit;
      if (!Input.error()) {
        for (Diagnostic &D : Unit.Diagnostics)
          if (Seen.insert(identity(D)).second) {
            keepAppliedFixes(D, FixNotes);
            Merged.Diagnostics.push_back(std::move(D));
          }
        continue;
      }
    }
    llvm::errs() << "coro-tidy: cannot read the fixes in '" << File << "'\n";
    return 1;
  }
  std::error_code EC;
  llvm::raw_fd_ostream Out(OutFile, EC);
  if (EC) {
    llvm::errs() << "coro-tidy: cannot write '" << OutFile
                 << "': " << EC.message() << "\n";
    return 1;
  }
  llvm::yaml::Output Yaml(Out);
  Yaml << Merged;
  return 0;
}

} // namespace coro_tidy
