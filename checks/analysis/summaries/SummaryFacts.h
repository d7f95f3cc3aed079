//===----------------------------------------------------------------------===//
// The facts a translation unit exports about the functions it defines, for
// the project's summary index, and their JSON form.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_ANALYSIS_SUMMARIES_SUMMARYFACTS_H
#define CORO_TIDY_ANALYSIS_SUMMARIES_SUMMARYFACTS_H

#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include <string>
#include <vector>

namespace coro_tidy {

/// A place in a source file; File is relative to the directory its
/// container names (a summary's root, an index's directory), unless it
/// shares nothing with it but "/".
struct SourcePlace {
  std::string File;
  unsigned Line = 0;
  unsigned Column = 0;
};

/// What one function does on its caller's thread: facts, not conclusions.
struct FunctionFacts {
  /// A blocking API called directly.
  struct Blocking {
    std::string Api;
    std::string Category;
    bool Construct = false;
    SourcePlace Where;
  };
  /// A call to a function that may be followed, by its USR.
  struct Call {
    std::string Usr;
    std::string Name;
    bool Construct = false;
    SourcePlace Where;
  };
  /// The function's USR: stable across translation units.
  std::string Usr;
  /// How notes name it: 'f', 'C' for a constructor, "the lambda".
  std::string Name;
  SourcePlace Where;
  std::vector<Blocking> BlockingCalls;
  std::vector<Call> Calls;
};

/// The facts one translation unit exports, sorted by USR, so that the same
/// sources give the same bytes on any machine: places are relative to Root,
/// the translation unit's compile directory, itself relative to the
/// directory the summary is written to.
struct TranslationUnitFacts {
  /// A file the translation unit read, outside system headers, and a hash
  /// of the contents it read: an index entry is out of date when one of
  /// them no longer hashes the same.
  struct Input {
    std::string File;
    std::string Hash;
  };
  std::string Root;
  std::string MainFile;
  /// Sorted by file; the main file among them.
  std::vector<Input> Inputs;
  std::vector<FunctionFacts> Functions;
  /// The USRs, sorted, of the functions without a body here that calls on
  /// a coroutine's thread reach: if the index says one may block, the
  /// translation unit is checked again with the index.
  std::vector<std::string> OpenCalls;
};

/// The version of the JSON form, in every summary and index.
constexpr int SummaryFormatVersion = 2;

llvm::json::Value toJson(const FunctionFacts &Function);
llvm::json::Value toJson(const TranslationUnitFacts &Facts);
llvm::Expected<FunctionFacts>
parseFunctionFacts(const llvm::json::Value &Value);
llvm::Expected<TranslationUnitFacts> parseFacts(llvm::StringRef Json);

/// A parse error in a summary or an index.
llvm::Error malformedSummary(llvm::StringRef What);

/// The file name a translation unit's facts are exported under: the main
/// file's name and a hash of its path relative to the root, so that every
/// translation unit of a project gets its own.
std::string summaryFileName(llvm::StringRef RelativeMainFile);

/// How inputs are hashed: 16 hexadecimal digits of xxh3.
std::string contentHash(llvm::StringRef Contents);

} // namespace coro_tidy

#endif // CORO_TIDY_ANALYSIS_SUMMARIES_SUMMARYFACTS_H
