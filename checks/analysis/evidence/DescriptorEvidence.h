//===----------------------------------------------------------------------===//
// Evidence that a file descriptor is in non-blocking mode.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_ANALYSIS_EVIDENCE_DESCRIPTOREVIDENCE_H
#define CORO_TIDY_ANALYSIS_EVIDENCE_DESCRIPTOREVIDENCE_H

#include "catalog/CallMatcher.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/DenseSet.h"
#include <optional>
#include <string>

namespace coro_tidy {

/// What one function body, and its class, show about descriptors apart from
/// the order of its statements (ReadinessFlow follows a descriptor set
/// non-blocking or awaited ready along the paths of the body). A read,
/// write, accept or connect on a descriptor in non-blocking mode returns at
/// once (EAGAIN, EINPROGRESS) instead of waiting; the evidence here:
///  - the function handles a would-block result of that descriptor: right
///    after a call on it (before any call on another), it compares with
///    EAGAIN, EWOULDBLOCK or EINPROGRESS, or with asio's would_block,
///    try_again or in_progress, or asks a status for would_block() or
///    try_again() (O_NONBLOCK has no effect on regular files, so such code
///    works on a socket or a pipe); for this object's member descriptor,
///    any method of its class doing so counts;
///  - for this object's member descriptor, a method of its class puts it in
///    non-blocking mode (native_non_blocking(true), fcntl with O_NONBLOCK,
///    ioctl FIONBIO, folly::netops::set_socket_non_blocking, a *_NONBLOCK flag
///    at creation; for a member array, on each element in a loop over it)
///    and none switches it back or gives it a value not created
///    non-blocking (a constant, or the same member of another object
///    copied, moved or dup'ed, keeps the mode).
class DescriptorEvidence {
public:
  DescriptorEvidence(const clang::FunctionDecl &FD, CallResolver &Calls,
                     clang::ASTContext &Context);

  /// Why \p Descriptor, an argument of a call, is non-blocking, if it is
  /// shown so.
  std::optional<std::string>
  whyNonBlocking(const clang::Expr &Descriptor) const;

private:
  /// The descriptors whose would-block results the function handles.
  llvm::DenseSet<const clang::ValueDecl *> HandledHere;
  /// The function's class, if it is a method, and the member descriptors
  /// whose would-block results a method of it handles.
  const clang::CXXRecordDecl *Class = nullptr;
  llvm::DenseSet<const clang::ValueDecl *> HandledByClass;
  /// Member descriptors the class puts in non-blocking mode, and those it
  /// switches back or gives another value.
  llvm::DenseSet<const clang::ValueDecl *> MadeNonBlocking, MadeBlocking;
};

/// The variable or this object's member that holds the descriptor \p E
/// names, looking through parens, casts, '&', '*' and argument-less member
/// calls (`socket.native_handle()`, `file.fd()`).
const clang::ValueDecl *descriptorOf(const clang::Expr *E);

/// The member of this object holding the descriptor \p E names, for
/// evidence about the class: as descriptorOf, and also through an element
/// of a member array (`m_fds[1]`: the evidence must then hold for every
/// element) and an accessor of this object that returns one (`write_fd()`).
const clang::FieldDecl *memberDescriptorOf(const clang::Expr *E);

/// The descriptor \p Call works on, if the catalog names it a call on one
/// (its entry's descriptor-argument): null when that argument names no
/// variable or member.
std::optional<const clang::ValueDecl *>
descriptorOperatedOn(const clang::CallExpr &Call, CallResolver &Calls,
                     const clang::ASTContext &Context);

/// A change of a descriptor's mode.
struct ModeChange {
  const clang::ValueDecl *Descriptor = nullptr;
  bool NonBlocking = false;
};

/// The change \p Call makes, if it sets a mode: native_non_blocking(b) and
/// non_blocking(b), fcntl(fd, F_SETFL, flags) (non-blocking only when the
/// flags set O_NONBLOCK, not clear it), ioctl(fd, FIONBIO, &on),
/// folly::netops::set_socket_non_blocking(s); a mode not shown to be
/// non-blocking counts as blocking.
std::optional<ModeChange> modeChangeOf(const clang::Expr &Call,
                                       const clang::ASTContext &Context);

/// True if \p Value, given to a descriptor, is a call that creates it
/// non-blocking (`socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0)`).
bool createsNonBlocking(const clang::Expr *Value,
                        const clang::ASTContext &Context);

} // namespace coro_tidy

#endif // CORO_TIDY_ANALYSIS_EVIDENCE_DESCRIPTOREVIDENCE_H
