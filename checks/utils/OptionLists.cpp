//===----------------------------------------------------------------------===//

#include "utils/OptionLists.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

namespace coro_tidy {

std::vector<std::string> parseOptionList(llvm::StringRef Value) {
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  llvm::SplitString(Value, Parts, ";,");
  std::vector<std::string> Items;
  for (llvm::StringRef Part : Parts)
    if (!Part.trim().empty())
      Items.push_back(Part.trim().str());
  return Items;
}

std::vector<std::string> parseQualifiedNameList(llvm::StringRef Value) {
  std::vector<std::string> Names = parseOptionList(Value);
  for (std::string &Name : Names)
    if (llvm::StringRef(Name).starts_with("::"))
      Name.erase(0, 2);
  return Names;
}

std::string serializeOptionList(llvm::ArrayRef<std::string> Items) {
  return llvm::join(Items, ";");
}

} // namespace coro_tidy
