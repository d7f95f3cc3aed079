//===----------------------------------------------------------------------===//

#include "analysis/BlockingCalls.h"
#include "analysis/AsyncTwins.h"
#include "catalog/CallMatcher.h"
#include "utils/CallSites.h"
#include "utils/QualifiedNames.h"
#include "clang/AST/Attr.h"
#include "clang/AST/ExprCXX.h"

namespace coro_tidy {

using namespace clang;

const CatalogEntry *findSyncWait(const Expr &Call, const FunctionDecl &Caller,
                                 const Readiness &Ready,
                                 const LoadedCatalog &Catalog,
                                 ASTContext &Context) {
  std::optional<CatalogMatch> Match = matchCatalogEntry(
      Catalog.Entries, Call, Context, [&](const CatalogEntry &Entry) {
        return Entry.Category == "sync-wait" &&
               (!Entry.OnAsyncFuture || isCallOnAsyncFuture(Call, Catalog));
      });
  if (!Match || waitsOnReadyObject(*Match->Entry, Call, Ready))
    return nullptr;
  if (!Match->Entry->ReadyAfter.empty() &&
      Ready.isFulfilled(promiseWaitedOn(Call, Caller),
                        Match->Entry->ReadyAfter))
    return nullptr;
  return Match->Entry;
}

bool waitsOnReadyObject(const CatalogEntry &Entry, const Expr &Call,
                        const Readiness &Ready) {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call);
  const bool WaitsForResult =
      Entry.Category == "sync-wait" || Entry.Category == "sync-primitive";
  return Member &&
         Ready.isAwaited(objectNamedBy(Member->getImplicitObjectArgument()),
                         WaitsForResult);
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

bool BlockingClassifier::isShownNonBlocking(const CatalogEntry &Entry,
                                            const Expr &Call,
                                            const FunctionDecl &Caller,
                                            const Readiness &Ready,
                                            ASTContext &Context) {
  const auto *CallE = dyn_cast<CallExpr>(&Call);
  if (!UseDescriptorEvidence || Entry.DescriptorArgument == 0 || !CallE ||
      Entry.DescriptorArgument > CallE->getNumArgs())
    return false;
  const Expr &Descriptor = *CallE->getArg(Entry.DescriptorArgument - 1);
  if (Ready.isDescriptorReady(descriptorOf(&Descriptor)))
    return true;
  std::unique_ptr<DescriptorEvidence> &Facts =
      Evidence[Caller.getCanonicalDecl()];
  if (!Facts)
    Facts = std::make_unique<DescriptorEvidence>(Caller, Context);
  return Facts->isNonBlocking(Descriptor);
}

bool BlockingClassifier::usesNonBlockingHandle(const Expr &Call,
                                               const FunctionDecl &Caller,
                                               ASTContext &Context) {
  std::unique_ptr<HandleEvidence> &Facts = Handles[Caller.getCanonicalDecl()];
  if (!Facts)
    Facts = std::make_unique<HandleEvidence>(Caller, Catalog, Context);
  return Facts->usesNonBlockingHandle(Call);
}

namespace {

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
    llvm::function_ref<bool(const CatalogEntry &)> Accept) {
  const FunctionDecl *Callee = calleeOf(Call);
  if (Callee && annotation(*Callee, NonBlockingAnnotation))
    return nullptr;
  if (Callee)
    if (std::optional<StringRef> Blocking =
            annotation(*Callee, BlockingAnnotation)) {
      StringRef Category = Blocking->drop_front(BlockingAnnotation.size());
      const NamedDecl *Twin = findAsyncTwin(*Callee, Catalog);
      const CatalogEntry &Entry = syntheticEntry(
          *Callee, Category.consume_front(":") ? Category : "annotated",
          "it is annotated coro::blocking",
          Twin ? "co_await '" + catalogName(*Twin) + "' instead"
               : "${offload}");
      return Accept(Entry) && !waitsOnReadyObject(Entry, Call, Ready) ? &Entry
                                                                      : nullptr;
    }
  if (const CatalogEntry *SyncWait =
          findSyncWait(Call, Caller, Ready, Catalog, Context))
    return IncludeSyncWaits && Accept(*SyncWait) ? SyncWait : nullptr;
  std::optional<CatalogMatch> Match = matchCatalogEntry(
      Catalog.Entries, Call, Context, [&](const CatalogEntry &Entry) {
        return Entry.Category != "sync-wait" && Accept(Entry);
      });
  if (!Match || waitsOnReadyObject(*Match->Entry, Call, Ready) ||
      isShownNonBlocking(*Match->Entry, Call, Caller, Ready, Context) ||
      usesNonBlockingHandle(Call, Caller, Context) ||
      looksUpNumericHost(*Match->Entry, Call, Context))
    return nullptr;
  return Match->Entry;
}

} // namespace coro_tidy
