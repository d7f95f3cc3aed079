//===----------------------------------------------------------------------===//
// Evidence that a file descriptor is in non-blocking mode.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_ANALYSIS_DESCRIPTOREVIDENCE_H
#define CORO_TIDY_ANALYSIS_DESCRIPTOREVIDENCE_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/DenseSet.h"

namespace coro_tidy {

/// What one function body shows about the descriptors it uses. A read,
/// write, accept or connect on a descriptor in non-blocking mode returns at
/// once (EAGAIN, EINPROGRESS) instead of waiting; the evidence that a
/// descriptor is in that mode:
///  - the function handles a would-block result: it compares with EAGAIN,
///    EWOULDBLOCK or EINPROGRESS, or with asio's would_block, try_again or
///    in_progress, or asks a status for would_block() or try_again()
///    (O_NONBLOCK has no effect on regular files, so such code works on a
///    socket or a pipe); for a member descriptor, any method of its class
///    doing so counts;
///  - the function, or for a member descriptor any method of its class, puts
///    that descriptor in non-blocking mode: native_non_blocking(true),
///    non_blocking(true), fcntl or ioctl with O_NONBLOCK or FIONBIO, or
///    creates it with a *_NONBLOCK flag;
///  - the function awaited an operation on that descriptor before the call
///    (a readiness wait).
class DescriptorEvidence {
public:
  DescriptorEvidence(const clang::FunctionDecl &FD, clang::ASTContext &Context);

  /// True if \p Descriptor, an argument of \p Call, is shown non-blocking.
  bool isNonBlocking(const clang::Expr &Descriptor,
                     const clang::Expr &Call) const;

private:
  clang::ASTContext &Context;
  bool HandlesWouldBlock = false;
  /// The function's class, if it is a method, and whether any method of it
  /// handles a would-block result.
  const clang::CXXRecordDecl *Class = nullptr;
  bool ClassHandlesWouldBlock = false;
  /// Descriptors put in non-blocking mode by the function.
  llvm::DenseSet<const clang::ValueDecl *> MadeNonBlocking;
  /// Descriptors handed to an awaited call, with the first such await.
  llvm::DenseMap<const clang::ValueDecl *, clang::SourceLocation> Awaited;
};

/// The variable or member that holds the descriptor \p E names, looking
/// through parens, casts, '&', '*' and argument-less member calls
/// (`socket.native_handle()`, `file.fd()`).
const clang::ValueDecl *descriptorOf(const clang::Expr *E);

} // namespace coro_tidy

#endif // CORO_TIDY_ANALYSIS_DESCRIPTOREVIDENCE_H
