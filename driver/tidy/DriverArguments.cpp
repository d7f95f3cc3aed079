//===----------------------------------------------------------------------===//

#include "DriverArguments.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Allocator.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/StringSaver.h"

namespace coro_tidy {
namespace {

/// True if option \p Name takes the next argument as its value. clang-tidy's
/// options are in LLVM's registry; the compile-database ones are created
/// when clang-tidy starts parsing, so they are named here.
bool takesSeparateValue(llvm::StringRef Name) {
  if (llvm::is_contained({"p", "extra-arg", "extra-arg-before"}, Name))
    return true;
  const auto &Registered = llvm::cl::getRegisteredOptions();
  auto It = Registered.find(Name);
  return It != Registered.end() &&
         It->second->getValueExpectedFlag() == llvm::cl::ValueRequired;
}

} // namespace

llvm::Expected<DriverArguments> DriverArguments::parse(int Argc,
                                                       const char **Argv) {
  llvm::BumpPtrAllocator Allocator;
  llvm::SmallVector<const char *, 32> Expanded(Argv + 1, Argv + Argc);
  llvm::cl::ExpansionContext Expansion(Allocator,
                                       llvm::cl::TokenizeGNUCommandLine);
  if (llvm::Error Error = Expansion.expandResponseFiles(Expanded))
    return std::move(Error);
  return DriverArguments(
      std::vector<std::string>(Expanded.begin(), Expanded.end()));
}

DriverArguments::DriverArguments(std::vector<std::string> Args)
    : Args(std::move(Args)) {
  read();
}

void DriverArguments::read() {
  Options.clear();
  Positionals.clear();
  for (size_t I = 0; I < Args.size(); ++I) {
    llvm::StringRef Arg = Args[I];
    if (Arg == "--")
      break;
    if (!Arg.starts_with("-") || Arg == "-") {
      Positionals.push_back(I);
      continue;
    }
    Arg = Arg.drop_front(Arg.starts_with("--") ? 2 : 1);
    auto [Name, Value] = Arg.split('=');
    Option Parsed{Name.str(), std::nullopt, I, 1};
    if (Arg.contains('='))
      Parsed.Value = Value.str();
    else if (takesSeparateValue(Name) && I + 1 < Args.size() &&
             Args[I + 1] != "--")
      Parsed = {Name.str(), Args[++I], Parsed.First, 2};
    Options.push_back(std::move(Parsed));
  }
}

std::optional<std::string> DriverArguments::value(llvm::StringRef Name) const {
  for (const Option &Opt : llvm::reverse(Options))
    if (Opt.Name == Name)
      return Opt.Value.value_or("");
  return std::nullopt;
}

std::vector<std::string> DriverArguments::sourceFiles() const {
  std::vector<std::string> Files;
  Files.reserve(Positionals.size());
  for (size_t I : Positionals)
    Files.push_back(Args[I]);
  return Files;
}

void DriverArguments::remove(llvm::StringRef Name) {
  for (const Option &Opt : llvm::reverse(Options))
    if (Opt.Name == Name) {
      const auto First = Args.begin() + static_cast<std::ptrdiff_t>(Opt.First);
      Args.erase(First, First + static_cast<std::ptrdiff_t>(Opt.Count));
    }
  read();
}

void DriverArguments::set(llvm::StringRef Name, llvm::StringRef Value) {
  remove(Name);
  Args.insert(Args.begin(), ("--" + Name + "=" + Value).str());
  read();
}

} // namespace coro_tidy
