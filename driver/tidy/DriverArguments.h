//===----------------------------------------------------------------------===//
// coro-tidy's command line, read once with the option table clang-tidy
// registered, so that every spelling clang-tidy accepts means the same here.
//===----------------------------------------------------------------------===//

#ifndef CORO_TIDY_DRIVER_DRIVERARGUMENTS_H
#define CORO_TIDY_DRIVER_DRIVERARGUMENTS_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <optional>
#include <string>
#include <vector>

namespace coro_tidy {

/// The arguments after argv[0]: options ("-name", "--name", "-name=value",
/// "--name=value", and "-name value" for an option that requires a value),
/// source files, and the compiler arguments after "--".
class DriverArguments {
public:
  /// Reads \p Argv (argv[0] first) with its response files expanded, as
  /// clang-tidy expands them.
  static llvm::Expected<DriverArguments> parse(int Argc, const char **Argv);
  /// Reads \p Args (without argv[0]), expanded already.
  explicit DriverArguments(std::vector<std::string> Args);

  /// The value of the last occurrence of option \p Name, as clang-tidy
  /// keeps the last one; "" for an option given without a value.
  std::optional<std::string> value(llvm::StringRef Name) const;
  bool has(llvm::StringRef Name) const { return value(Name).has_value(); }
  /// The source files named before "--".
  std::vector<std::string> sourceFiles() const;

  /// Replaces every occurrence of option \p Name by "--Name=Value".
  void set(llvm::StringRef Name, llvm::StringRef Value);
  /// Removes every occurrence of option \p Name.
  void remove(llvm::StringRef Name);

  const std::vector<std::string> &args() const { return Args; }

private:
  struct Option {
    std::string Name;
    std::optional<std::string> Value;
    size_t First; // index of the option in Args
    size_t Count; // 1, or 2 for "-name value"
  };
  void read();

  std::vector<std::string> Args;
  std::vector<Option> Options;
  std::vector<size_t> Positionals;
};

} // namespace coro_tidy

#endif // CORO_TIDY_DRIVER_DRIVERARGUMENTS_H
