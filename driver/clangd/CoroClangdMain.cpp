//===----------------------------------------------------------------------===//
// coro-clangd: clangd with the coro-* checks built in, so editors show their
// diagnostics. Debian's clangd cannot load clang-tidy plugins.
//===----------------------------------------------------------------------===//

#include "llvm/ADT/StringRef.h"
#include <memory>

namespace clang::clangd {
class SymbolIndex;
int clangdMain(int Argc, char *Argv[]);

// clangdMain references the remote-index client, which needs gRPC; coro-clangd
// is built without it, so --remote-index-address finds no server.
namespace remote {
std::unique_ptr<SymbolIndex> getClient(llvm::StringRef, llvm::StringRef) {
  return nullptr;
}
} // namespace remote
} // namespace clang::clangd

int main(int Argc, char *Argv[]) {
  return clang::clangd::clangdMain(Argc, Argv);
}
