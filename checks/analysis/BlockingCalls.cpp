//===----------------------------------------------------------------------===//

#include "analysis/BlockingCalls.h"
#include "analysis/AsyncTwins.h"
#include "analysis/evidence/HandleEvidence.h"
#include "catalog/Conditions.h"
#include "utils/CallSites.h"
#include "utils/QualifiedNames.h"
#include "clang/AST/Attr.h"
#include "clang/AST/ExprCXX.h"

namespace coro_tidy {

using namespace clang;

namespace {

/// Sets \p WhyLetGo (if asked for) and lets the call go.
std::nullptr_t letGo(std::string *WhyLetGo, std::string Why) {
  if (WhyLetGo)
    *WhyLetGo = std::move(Why);
  return nullptr;
}

std::string quoted(const NamedDecl &D) {
  return "'" + D.getNameAsString() + "'";
}

} // namespace

const CatalogEntry *findSyncWait(const Expr &Call, const FunctionDecl &Caller,
                                 const Readiness &Ready, CallResolver &Calls,
                                 ASTContext &Context, std::string *WhyLetGo) {
  const CallFacts &Facts = Calls.resolve(Call, Context);
  const CatalogEntry *Wait =
      Facts.blockingEntry([&](const CatalogEntry &Entry) {
        return Entry.Category == "sync-wait" &&
               (!Entry.OnAsyncFuture ||
                (!Facts.AsyncFutureSource.empty() &&
                 (Entry.AsyncFutureSources.empty() ||
                  llvm::is_contained(Entry.AsyncFutureSources,
                                     Facts.AsyncFutureSource))));
      });
  if (!Wait)
    return nullptr;
  if (std::optional<std::string> Why = readyObjectReason(*Wait, Call, Ready))
    return letGo(WhyLetGo, *Why);
  const VarDecl *Promise =
      Wait->ReadyAfter.empty() ? nullptr : promiseWaitedOn(Call, Caller);
  if (Ready.isFulfilled(Promise, Wait->ReadyAfter))
    return letGo(WhyLetGo, "the promise " + quoted(*Promise) +
                               " was fulfilled on every path to it");
  return Wait;
}

std::optional<std::string> readyObjectReason(const CatalogEntry &Entry,
                                             const Expr &Call,
                                             const Readiness &Ready) {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call);
  const bool WaitsForResult =
      Entry.Category == "sync-wait" || Entry.Category == "sync-primitive";
  const ValueDecl *Object =
      Member ? objectNamedBy(Member->getImplicitObjectArgument()) : nullptr;
  if (!Ready.isAwaited(Object, WaitsForResult))
    return std::nullopt;
  return "its object " + quoted(*Object) + " was awaited on every path to it";
}

std::optional<StringRef> annotation(const FunctionDecl &Callee,
                                    StringRef Prefix) {
  for (const FunctionDecl *Redecl : Callee.redecls())
    for (const auto *Attr : Redecl->specific_attrs<AnnotateAttr>()) {
      StringRef Text = Attr->getAnnotation();
      if (Text == Prefix || (Text.starts_with(Prefix) &&
                             Text.drop_front(Prefix.size()).starts_with(":")))
        return Text;
    }
  return std::nullopt;
}

const CatalogEntry &
BlockingClassifier::syntheticEntry(const FunctionDecl &Callee,
                                   StringRef Category, StringRef Reason,
                                   StringRef Alternative) {
  std::unique_ptr<CatalogEntry> &Entry = Synthetic[Callee.getCanonicalDecl()];
  if (!Entry) {
    Entry = std::make_unique<CatalogEntry>();
    Entry->Name = catalogName(Callee);
    Entry->Category = Category.str();
    Entry->Reason = Reason.str();
    Entry->Alternative = Alternative.str();
  }
  return *Entry;
}

std::optional<std::string> BlockingClassifier::nonBlockingReason(
    const CatalogEntry &Entry, const Expr &Call, const FunctionDecl &Caller,
    const Readiness &Ready, ASTContext &Context) {
  const auto *CallE = dyn_cast<CallExpr>(&Call);
  if (!UseDescriptorEvidence || Entry.DescriptorArgument == 0 || !CallE ||
      Entry.DescriptorArgument > CallE->getNumArgs())
    return std::nullopt;
  const Expr &Descriptor = *CallE->getArg(Entry.DescriptorArgument - 1);
  const ValueDecl *Decl = descriptorOf(&Descriptor);
  if (Ready.isDescriptorReady(Decl))
    return "the descriptor " + quoted(*Decl) +
           " is non-blocking or was awaited ready on every path to it";
  std::unique_ptr<DescriptorEvidence> &Facts =
      Evidence[Caller.getCanonicalDecl()];
  if (!Facts)
    Facts = std::make_unique<DescriptorEvidence>(Caller, Calls, Context);
  return Facts->whyNonBlocking(Descriptor);
}

namespace {

/// The handle argument of \p Call its entry's in-memory form is about,
/// when that handle is an in-memory database on every path to the call.
const ValueDecl *inMemoryHandle(const CatalogEntry &Entry, const Expr &Call,
                                const Readiness &Ready) {
  llvm::ArrayRef<const Expr *> Args = parameterArguments(Call);
  if (!Entry.InMemory || Entry.InMemoryArgument > Args.size())
    return nullptr;
  const ValueDecl *Handle = objectNamedBy(Args[Entry.InMemoryArgument - 1]);
  return Ready.isInMemoryDatabase(Handle) ? Handle : nullptr;
}

/// The handle \p Call reads or writes through, when it was opened on a file
/// that cannot block on every path to the call. The handle an open or
/// freopen points elsewhere is not read through.
const ValueDecl *nonBlockingHandle(const Expr &Call, const Readiness &Ready) {
  const auto *CallE = dyn_cast<CallExpr>(&Call);
  const Expr *Reopened = CallE ? reopenedHandle(*CallE) : nullptr;
  auto IsHandle = [&](const Expr *Operand) {
    return Operand != Reopened &&
           Ready.isNonBlockingHandle(objectNamedBy(Operand));
  };
  llvm::SmallVector<const Expr *, 4> Operands;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call))
    Operands.push_back(Member->getImplicitObjectArgument());
  if (CallE)
    Operands.append(CallE->arg_begin(), CallE->arg_end());
  else if (const auto *Construct = dyn_cast<CXXConstructExpr>(&Call))
    Operands.append(Construct->arg_begin(), Construct->arg_end());
  auto Handle = llvm::find_if(Operands, IsHandle);
  return Handle == Operands.end() ? nullptr : objectNamedBy(*Handle);
}

bool isEndpoint(QualType Type) {
  const auto *Record = Type.getNonReferenceType()->getAsCXXRecordDecl();
  return Record && Record->getIdentifier() &&
         Record->getName().contains("endpoint");
}

} // namespace

bool BlockingClassifier::looksUpNumericHost(const CatalogEntry &Entry,
                                            const Expr &Call,
                                            ASTContext &Context) {
  return llvm::any_of(Entry.NonBlockingIf, [&](const NonBlockingCondition &C) {
    const Expr *Host = C.NumericHost ? conditionArgument(C, Call) : nullptr;
    // An endpoint is looked up in reverse: its address is what DNS is
    // asked about.
    if (!Host || isEndpoint(Host->getType()))
      return false;
    if (!Hosts)
      Hosts = std::make_unique<HostEvidence>(Context);
    return Hosts->isNumericOnly(*Host);
  });
}

const CatalogEntry *BlockingClassifier::classify(
    const Expr &Call, const FunctionDecl &Caller, const Readiness &Ready,
    ASTContext &Context, bool IncludeSyncWaits,
    llvm::function_ref<bool(const CatalogEntry &)> Accept,
    std::string *WhyLetGo) {
  const FunctionDecl *Callee = calleeOf(Call);
  if (Callee && annotation(*Callee, NonBlockingAnnotation))
    return letGo(WhyLetGo, quoted(*Callee) + " is annotated coro::nonblocking");
  if (Callee)
    if (std::optional<StringRef> Blocking =
            annotation(*Callee, BlockingAnnotation)) {
      StringRef Category = Blocking->drop_front(BlockingAnnotation.size());
      const NamedDecl *Twin = findAsyncTwin(*Callee, Calls.catalog());
      const CatalogEntry &Entry = syntheticEntry(
          *Callee,
          Category.consume_front(":") ? Category : StringRef(AnnotatedCategory),
          "it is annotated coro::blocking",
          Twin ? "co_await '" + catalogName(*Twin) + "' instead"
               : "${offload}");
      if (!Accept(Entry))
        return nullptr;
      if (std::optional<std::string> Why =
              readyObjectReason(Entry, Call, Ready))
        return letGo(WhyLetGo, *Why);
      return &Entry;
    }
  if (const CatalogEntry *SyncWait =
          findSyncWait(Call, Caller, Ready, Calls, Context,
                       IncludeSyncWaits ? WhyLetGo : nullptr))
    return IncludeSyncWaits && Accept(*SyncWait) ? SyncWait : nullptr;
  const CallFacts &Facts = Calls.resolve(Call, Context);
  const CatalogEntry *Match =
      Facts.blockingEntry([&](const CatalogEntry &Entry) {
        return Entry.Category != "sync-wait" && Accept(Entry);
      });
  if (!Match) {
    if (WhyLetGo && Facts.isLetGoByCondition())
      *WhyLetGo = "a nonblocking-if condition of its catalog entry holds "
                  "(a zero timeout, a numeric address, a file that cannot "
                  "block)";
    return nullptr;
  }
  const CatalogEntry &Entry = *Match;
  if (const ValueDecl *Handle = inMemoryHandle(Entry, Call, Ready)) {
    if (Accept(*Entry.InMemory))
      return Entry.InMemory.get();
    return letGo(WhyLetGo, quoted(*Handle) +
                               " works on an in-memory database on every "
                               "path to it: the call is category '" +
                               Entry.InMemory->Category + "'");
  }
  std::optional<std::string> Why = readyObjectReason(Entry, Call, Ready);
  if (!Why)
    Why = nonBlockingReason(Entry, Call, Caller, Ready, Context);
  if (const ValueDecl *Handle = Why ? nullptr : nonBlockingHandle(Call, Ready))
    Why = "it uses " + quoted(*Handle) +
          ", opened on a file that cannot block on every path to it";
  if (!Why && looksUpNumericHost(Entry, Call, Context))
    Why = "the host can only be a numeric address";
  return Why ? letGo(WhyLetGo, *Why) : &Entry;
}

} // namespace coro_tidy
