//===----------------------------------------------------------------------===//
// The catalog options every coro-* check shares (read with getLocalOrGlobal,
// so one global key configures all of them), and how a check reports the
// catalog's errors.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_CATALOG_CATALOGOPTIONS_H
#define CORO_TIDY_CATALOG_CATALOGOPTIONS_H

#include "catalog/CatalogCache.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include <memory>
#include <string>
#include <vector>

namespace coro_tidy {

class CatalogOptions {
public:
  explicit CatalogOptions(const clang::tidy::ClangTidyCheck::OptionsView &Opts);

  void store(const clang::tidy::ClangTidyCheck::OptionsView &Opts,
             clang::tidy::ClangTidyOptions::OptionMap &Map) const;

  /// The catalog for a translation unit whose main file is \p MainFile:
  /// relative CatalogFiles resolve against the directory of the nearest
  /// .clang-tidy above \p MainFile, else against the working directory.
  std::shared_ptr<const LoadedCatalog> load(llvm::StringRef MainFile) const;

  /// load() for the translation unit \p SM holds.
  std::shared_ptr<const LoadedCatalog>
  loadForMainFile(const clang::SourceManager &SM) const;

private:
  std::vector<std::string> CatalogFiles;
  bool UseDefaultCatalog;
};

using CatalogErrorReporter = llvm::function_ref<void(clang::SourceLocation Loc,
                                                     llvm::StringRef Message)>;

/// Reports each of \p Catalog's errors at its position in the catalog file,
/// which is loaded into \p SM for the purpose (as a buffer without a file
/// entry, so clang-tidy's header filter never hides it).
void reportCatalogErrors(const LoadedCatalog &Catalog, clang::SourceManager &SM,
                         CatalogErrorReporter Report);

} // namespace coro_tidy

#endif // CORO_TIDY_CATALOG_CATALOGOPTIONS_H
