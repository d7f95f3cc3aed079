//===----------------------------------------------------------------------===//
// The facts a translation unit exports for the project's summary index.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_ANALYSIS_SUMMARIES_SUMMARYEXPORT_H
#define CORO_TIDY_ANALYSIS_SUMMARIES_SUMMARYEXPORT_H

#include "analysis/summaries/CallSummaries.h"
#include "analysis/summaries/SummaryFacts.h"
#include "clang/AST/ASTContext.h"

namespace coro_tidy {

/// The facts of the functions the translation unit defines in its main file
/// and of the functions with a body here that they call (an inline helper
/// in a header, a template instantiation), with places relative to the
/// compile directory and that relative to \p SummaryDir (absolute), where
/// they are written. Coroutines and lambdas are left out: a coroutine's
/// body is checked on its own, a lambda is followed where it is called.
/// The inputs are the files outside system headers the unit read and
/// \p CatalogFiles (what decided which calls block), each with its hash.
TranslationUnitFacts exportFacts(clang::ASTContext &Context,
                                 CallSummaries &Summaries,
                                 llvm::StringRef SummaryDir,
                                 llvm::ArrayRef<std::string> CatalogFiles);

/// Writes \p Facts as DIR/summaryFileName(main file), replacing the file at
/// once (a reader never sees half of it) and only when its bytes change (a
/// build system sees an unchanged summary as up to date); false with
/// \p Error on failure.
bool writeFacts(const TranslationUnitFacts &Facts, llvm::StringRef SummaryDir,
                std::string &Error);

} // namespace coro_tidy

#endif // CORO_TIDY_ANALYSIS_SUMMARIES_SUMMARYEXPORT_H
