//===----------------------------------------------------------------------===//

#include "catalog/CatalogOptions.h"
#include "utils/OptionLists.h"
#include "utils/Paths.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace coro_tidy {

using namespace clang;

CatalogOptions::CatalogOptions(const tidy::ClangTidyCheck::OptionsView &Opts)
    : CatalogFiles(parseOptionList(Opts.getLocalOrGlobal("CatalogFiles", ""))),
      UseDefaultCatalog(Opts.getLocalOrGlobal("UseDefaultCatalog", true)) {}

void CatalogOptions::store(const tidy::ClangTidyCheck::OptionsView &Opts,
                           tidy::ClangTidyOptions::OptionMap &Map) const {
  Opts.store(Map, "CatalogFiles", serializeOptionList(CatalogFiles));
  Opts.store(Map, "UseDefaultCatalog", UseDefaultCatalog);
}

std::shared_ptr<const LoadedCatalog>
CatalogOptions::load(llvm::StringRef MainFile) const {
  std::vector<std::string> Resolved;
  Resolved.reserve(CatalogFiles.size());
  for (const std::string &File : CatalogFiles)
    Resolved.push_back(resolveConfiguredPath(File, MainFile));
  return getCatalog(UseDefaultCatalog, Resolved);
}

std::shared_ptr<const LoadedCatalog>
CatalogOptions::loadForMainFile(const SourceManager &SM) const {
  OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID());
  return load(Main ? Main->getName() : "");
}

void reportCatalogErrors(const LoadedCatalog &Catalog, SourceManager &SM,
                         CatalogErrorReporter Report) {
  llvm::StringMap<FileID> Loaded;
  for (const CatalogError &Error : Catalog.Errors) {
    // clang-tidy prints a location only in a file it can open by name; the
    // compiled-in catalog has none, so its position goes into the text.
    if (Error.Line == 0 || !llvm::sys::fs::exists(Error.File)) {
      std::string Where = Error.File;
      if (Error.Line != 0)
        Where += ":" + std::to_string(Error.Line) + ":" +
                 std::to_string(Error.Column);
      Report(SourceLocation(), Where + ": " + Error.Message);
      continue;
    }
    FileID &File = Loaded[Error.File];
    if (File.isInvalid()) {
      OptionalFileEntryRef Entry =
          SM.getFileManager().getOptionalFileRef(Error.File);
      if (!Entry)
        continue; // vanished since it was parsed
      File = SM.getOrCreateFileID(*Entry, SrcMgr::C_User);
    }
    Report(SM.translateLineCol(File, Error.Line, Error.Column), Error.Message);
  }
}

} // namespace coro_tidy
