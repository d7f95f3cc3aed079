//===----------------------------------------------------------------------===//
// The catalog's nonblocking-if conditions, read at one call.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_CATALOG_CONDITIONS_H
#define CORO_TIDY_CATALOG_CONDITIONS_H

#include "catalog/Catalog.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include <optional>

namespace coro_tidy {

/// The text of \p E when it is a narrow string literal, seen through the
/// conversions that carry one into a parameter (decay, std::string,
/// std::filesystem::path, std::string_view construction).
std::optional<llvm::StringRef> stringLiteralOf(const clang::Expr &E);

/// The argument of \p Call a nonblocking-if condition is about, if the call
/// has it.
const clang::Expr *conditionArgument(const NonBlockingCondition &Condition,
                                     const clang::Expr &Call);

/// True if \p Host is a null pointer or a string literal a name lookup
/// parses without a name service ("0.0.0.0", "::1", "").
bool isLiteralNumericHost(const clang::Expr &Host);

/// True if \p Condition holds at \p Call: its argument is a zero, a
/// constant with one of the flags or within the bound, or a literal with
/// one of the prefixes, one of the texts, or a numeric host.
bool conditionHolds(const NonBlockingCondition &Condition,
                    const clang::Expr &Call, const clang::ASTContext &Context);

} // namespace coro_tidy

#endif // CORO_TIDY_CATALOG_CONDITIONS_H
