//===----------------------------------------------------------------------===//

#include "utils/CategoryFilter.h"
#include "utils/OptionLists.h"

namespace coro_tidy {

bool matchesWildcard(llvm::StringRef Glob, llvm::StringRef Text) {
  size_t Star = Glob.find('*');
  if (Star == llvm::StringRef::npos)
    return Glob == Text;
  if (!Text.starts_with(Glob.take_front(Star)))
    return false;
  Text = Text.drop_front(Star);
  Glob = Glob.drop_front(Star + 1);
  for (size_t Skip = 0; Skip <= Text.size(); ++Skip)
    if (matchesWildcard(Glob, Text.drop_front(Skip)))
      return true;
  return false;
}

CategoryFilter::CategoryFilter(llvm::StringRef Spec) : Spec(Spec.str()) {
  for (const std::string &Item : parseOptionList(Spec)) {
    llvm::StringRef Glob = Item;
    bool Positive = !Glob.consume_front("-");
    Patterns.push_back({Glob.trim().str(), Positive});
  }
}

bool CategoryFilter::isEnabled(llvm::StringRef Category) const {
  bool Enabled = false;
  for (const Pattern &P : Patterns)
    if (matchesWildcard(P.Glob, Category))
      Enabled = P.Positive;
  return Enabled;
}

} // namespace coro_tidy
