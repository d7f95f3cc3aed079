//===----------------------------------------------------------------------===//

#include "analysis/flows/DoomedPaths.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/BitVector.h"

namespace coro_tidy {

using namespace clang;

namespace {

class NoReturnCallFinder : public RecursiveASTVisitor<NoReturnCallFinder> {
public:
  bool Found = false;
  bool VisitCallExpr(CallExpr *Call) {
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      Found |= Callee->isNoReturn();
    return !Found;
  }
};

/// The blocks from which every path reaches a noreturn call: the least
/// fixpoint of "ends in one, or has successors and all of them are doomed",
/// so that a loop without a way out stays not doomed.
llvm::BitVector doomedBlocks(const CFG &Graph) {
  llvm::BitVector Doomed(Graph.getNumBlockIDs());
  for (const CFGBlock *Block : Graph)
    if (Block->hasNoReturnElement())
      Doomed.set(Block->getBlockID());
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const CFGBlock *Block : Graph) {
      if (Doomed.test(Block->getBlockID()) || Block == &Graph.getExit())
        continue;
      bool Any = false, All = true;
      for (const CFGBlock *Successor : Block->succs()) {
        if (!Successor)
          continue; // an edge clang proved dead
        Any = true;
        All &= Doomed.test(Successor->getBlockID());
      }
      if (Any && All) {
        Doomed.set(Block->getBlockID());
        Changed = true;
      }
    }
  }
  return Doomed;
}

} // namespace

bool callsNoReturnFunction(const FunctionDecl &FD) {
  NoReturnCallFinder Finder;
  if (const Stmt *Body = FD.getBody())
    Finder.TraverseStmt(const_cast<Stmt *>(Body));
  return Finder.Found;
}

DoomedPaths::DoomedPaths(const BodyCfg &Cfg) {
  const llvm::BitVector Blocks = doomedBlocks(Cfg.graph());
  for (const CFGBlock *Block : Cfg.graph())
    if (Blocks.test(Block->getBlockID()))
      for (const CFGElement &Element : *Block)
        if (std::optional<CFGStmt> S = Element.getAs<CFGStmt>())
          Doomed.insert(S->getStmt());
}

std::unique_ptr<DoomedPaths> DoomedPaths::build(const FunctionDecl &FD,
                                                ASTContext &Context) {
  if (!callsNoReturnFunction(FD))
    return nullptr;
  std::unique_ptr<BodyCfg> Cfg = BodyCfg::build(FD, Context);
  if (!Cfg)
    return nullptr;
  return std::make_unique<DoomedPaths>(*Cfg);
}

} // namespace coro_tidy
