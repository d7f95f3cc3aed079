//===----------------------------------------------------------------------===//
// A check's use of the catalog over one translation unit.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_CATALOG_CATALOGSESSION_H
#define CORO_TIDY_CATALOG_CATALOGSESSION_H

#include "catalog/CatalogOptions.h"
#include "clang/Lex/Preprocessor.h"

namespace coro_tidy {

/// Loads the catalog when a translation unit starts (from the shared cache)
/// and reports its errors, through the check, when it ends.
class CatalogSession {
public:
  /// \p ReportsErrors: false when another coro-* check that runs too reports
  /// them, so that each error shows once.
  CatalogSession(const clang::tidy::ClangTidyCheck::OptionsView &Opts,
                 bool ReportsErrors)
      : Options(Opts), ReportsErrors(ReportsErrors) {}

  void store(const clang::tidy::ClangTidyCheck::OptionsView &Opts,
             clang::tidy::ClangTidyOptions::OptionMap &Map) const {
    Options.store(Opts, Map);
  }

  void startTranslationUnit(clang::Preprocessor &PP);
  void finishTranslationUnit(clang::tidy::ClangTidyCheck &Check);

  /// The translation unit's catalog; null outside one.
  const LoadedCatalog *catalog() const { return Loaded.get(); }

private:
  const CatalogOptions Options;
  const bool ReportsErrors;
  std::shared_ptr<const LoadedCatalog> Loaded;
  clang::SourceManager *Sources = nullptr;
};

} // namespace coro_tidy

#endif // CORO_TIDY_CATALOG_CATALOGSESSION_H
