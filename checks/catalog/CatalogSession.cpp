//===----------------------------------------------------------------------===//

#include "catalog/CatalogSession.h"

namespace coro_tidy {

using namespace clang;

void CatalogSession::startTranslationUnit(Preprocessor &PP) {
  Sources = &PP.getSourceManager();
  Loaded = Options.loadForMainFile(*Sources);
}

void CatalogSession::finishTranslationUnit(tidy::ClangTidyCheck &Check) {
  if (Loaded && Sources && ReportsErrors)
    reportCatalogErrors(*Loaded, *Sources,
                        [&](SourceLocation Loc, StringRef Message) {
                          if (Loc.isValid())
                            Check.diag(Loc, Message, DiagnosticIDs::Error);
                          else
                            Check.diag(Message, DiagnosticIDs::Error);
                        });
  Loaded.reset();
  Sources = nullptr;
}

} // namespace coro_tidy
