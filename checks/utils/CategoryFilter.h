//===----------------------------------------------------------------------===//
// Which catalog categories a check reports, written like -checks globs.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_UTILS_CATEGORYFILTER_H
#define CORO_TIDY_UTILS_CATEGORYFILTER_H

#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace coro_tidy {

/// A list such as "*,-file-io" or "sleep;network": patterns with '*'
/// wildcards, a leading '-' to remove; the last matching pattern decides and
/// a category no pattern matches is off.
class CategoryFilter {
public:
  explicit CategoryFilter(llvm::StringRef Spec);

  bool isEnabled(llvm::StringRef Category) const;
  const std::string &spec() const { return Spec; }

private:
  struct Pattern {
    std::string Glob;
    bool Positive;
  };
  std::string Spec;
  std::vector<Pattern> Patterns;
};

/// Matches \p Text against \p Glob, where '*' stands for any characters.
bool matchesWildcard(llvm::StringRef Glob, llvm::StringRef Text);

} // namespace coro_tidy

#endif // CORO_TIDY_UTILS_CATEGORYFILTER_H
