//===----------------------------------------------------------------------===//

#include "utils/CategoryFilter.h"
#include "llvm/ADT/STLExtras.h"
#include <algorithm>

namespace coro_tidy {

static std::string withCommas(llvm::StringRef Spec) {
  std::string Globs = Spec.str();
  std::replace(Globs.begin(), Globs.end(), ';', ',');
  return Globs;
}

CategoryFilter::CategoryFilter(llvm::StringRef Spec,
                               llvm::ArrayRef<std::string> OptIn)
    : GlobText(withCommas(Spec)), Globs(GlobText),
      OptIn(OptIn.begin(), OptIn.end()) {}

bool CategoryFilter::isEnabled(llvm::StringRef Category) const {
  if (Category.empty() || !Globs.contains(Category))
    return false;
  if (!llvm::is_contained(OptIn, Category))
    return true;
  return llvm::any_of(Globs.getItems(), [&](const auto &Item) {
    return Item.IsPositive && Item.Text == Category;
  });
}

} // namespace coro_tidy
