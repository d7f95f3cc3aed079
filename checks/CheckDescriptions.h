//===----------------------------------------------------------------------===//
// What each coro-* check finds, why it matters and the fix, written once:
// the SARIF rules show it in code scanning, the check pages in docs/checks/
// carry the same paragraphs (a test compares them), and the checks take
// their fallback advice from it.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_CHECKDESCRIPTIONS_H
#define CORO_TIDY_CHECKDESCRIPTIONS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace coro_tidy {

/// Prose marks code as `name` (as Markdown does; the docs write ``name``).
struct CheckDescription {
  llvm::StringLiteral Name;
  /// One line.
  llvm::StringLiteral Title;
  /// The check page's first paragraph.
  llvm::StringLiteral Finds;
  /// The first paragraph of the page's Rationale.
  llvm::StringLiteral Why;
  llvm::StringLiteral Fix;
  /// C++ the check reports, as on the page.
  llvm::StringLiteral Example;
};

llvm::ArrayRef<CheckDescription> checkDescriptions();
/// The description of check \p Name, or null for a check not ours.
const CheckDescription *describeCheck(llvm::StringRef Name);

} // namespace coro_tidy

#endif // CORO_TIDY_CHECKDESCRIPTIONS_H
