//===----------------------------------------------------------------------===//
// The control-flow graph of a function body as its author wrote it, and a
// forward dataflow solver over it.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_ANALYSIS_FLOWS_BODYCFG_H
#define CORO_TIDY_ANALYSIS_FLOWS_BODYCFG_H

#include "clang/Analysis/Analyses/PostOrderCFGView.h"
#include "clang/Analysis/CFG.h"
#include "clang/Analysis/FlowSensitive/DataflowWorklist.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>
#include <optional>
#include <vector>

namespace coro_tidy {

/// clang's CFG of the statements the author of a function wrote (for a
/// coroutine, without the promise and initial/final suspend machinery),
/// with every expression as an element and implicit destructors where
/// scopes end, so that a guard dies on every edge that leaves its scope.
class BodyCfg {
public:
  /// Null if the function has no body or clang cannot build its graph.
  static std::unique_ptr<BodyCfg> build(const clang::FunctionDecl &FD,
                                        clang::ASTContext &Context);

  const clang::CFG &graph() const { return *Graph; }
  clang::PostOrderCFGView &order() { return Order; }

  /// The local variables whose scope a throw into the handler that begins
  /// \p Block leaves: clang's graph runs no destructors on throw edges.
  llvm::ArrayRef<const clang::VarDecl *>
  variablesLeftByThrowInto(const clang::CFGBlock &Block) const;

  /// True if the edge \p From -> \p To is taken when the call that ends
  /// \p From throws: \p To dispatches to a try's handlers.
  static bool isThrowEdge(const clang::CFGBlock &From,
                          const clang::CFGBlock &To);

  /// True if the edge \p From -> \p To is a throw that cannot happen:
  /// clang's graph gives every member call an exceptional edge, noexcept
  /// or not.
  static bool isImpossibleThrow(const clang::CFGBlock &From,
                                const clang::CFGBlock &To);

private:
  BodyCfg(std::unique_ptr<clang::CFG> Graph);

  std::unique_ptr<clang::CFG> Graph;
  clang::PostOrderCFGView Order;
  /// Catch handler -> the variables declared in its try block.
  llvm::DenseMap<const clang::Stmt *,
                 llvm::SmallVector<const clang::VarDecl *, 2>>
      TryVariablesOfHandler;
};

/// Runs a forward dataflow analysis to its fixpoint with clang's worklist
/// (blocks in reverse post-order), then replays each reachable block from
/// its fixed entry state. Analysis provides:
///   using State = ...;                  // with operator==
///   State entryState();
///   void join(State &Into, const State &From);
///   void enterBlock(const clang::CFGBlock &, State &);
///   void transfer(const clang::CFGElement &, State &);
///   void leaveBlock(const clang::CFGBlock &, unsigned Successor, State &);
/// leaveBlock refines the state along one edge (the false edge of
/// `if (m.try_lock())`).
/// Every block is processed a number of times bounded by the height of the
/// lattice, so nested loops cost linear time.
template <typename Analysis> class ForwardFlow {
public:
  using State = typename Analysis::State;

  ForwardFlow(BodyCfg &Cfg, Analysis &A)
      : Cfg(Cfg), A(A), In(Cfg.graph().getNumBlockIDs()) {
    solve();
  }

  /// Calls OnElement(Element, StateBeforeIt) for every element of every
  /// reachable block.
  template <typename Fn> void replay(Fn OnElement) const {
    for (const clang::CFGBlock *Block : Cfg.graph()) {
      const std::optional<State> &Entry = In[Block->getBlockID()];
      if (!Entry)
        continue;
      State S = *Entry;
      A.enterBlock(*Block, S);
      for (const clang::CFGElement &Element : *Block) {
        OnElement(Element, S);
        A.transfer(Element, S);
      }
    }
  }

private:
  void solve() {
    const clang::CFG &Graph = Cfg.graph();
    clang::ForwardDataflowWorklist Worklist(Graph, &Cfg.order());
    const clang::CFGBlock &Entry = Graph.getEntry();
    In[Entry.getBlockID()] = A.entryState();
    Worklist.enqueueBlock(&Entry);
    while (const clang::CFGBlock *Block = Worklist.dequeue()) {
      State S = *In[Block->getBlockID()];
      A.enterBlock(*Block, S);
      for (const clang::CFGElement &Element : *Block)
        A.transfer(Element, S);
      unsigned Index = 0;
      for (const clang::CFGBlock *Successor : Block->succs()) {
        if (!Successor || BodyCfg::isImpossibleThrow(*Block, *Successor)) {
          ++Index;
          continue; // an edge that is never taken
        }
        State Out = S;
        A.leaveBlock(*Block, Index++, Out);
        std::optional<State> &Next = In[Successor->getBlockID()];
        if (!Next) {
          Next = std::move(Out);
        } else {
          State Joined = *Next;
          A.join(Joined, Out);
          if (Joined == *Next)
            continue;
          Next = std::move(Joined);
        }
        Worklist.enqueueBlock(Successor);
      }
    }
  }

  BodyCfg &Cfg;
  Analysis &A;
  std::vector<std::optional<State>> In;
};

} // namespace coro_tidy

#endif // CORO_TIDY_ANALYSIS_FLOWS_BODYCFG_H
