// What Boost.Filesystem asks the kernel for (boost-filesystem-syscalls.test):
// each step writes a one-letter marker to stdout first, so the trace shows
// which system calls belong to which operation.
#include <boost/filesystem.hpp>
#include <unistd.h>

namespace fs = boost::filesystem;

static void mark(const char *Letter) { (void)!write(1, Letter, 1); }

int main(int, char **Argv) {
  const fs::path Dir(Argv[1]);
  mark("E");
  const bool Exists = fs::exists(Dir);
  mark("S");
  const fs::file_status Known = fs::status(Dir);
  mark("K");
  const bool IsDirectory = fs::is_directory(Known);
  mark("I");
  std::size_t Entries = 0;
  for (fs::directory_iterator It(Dir), End; It != End; ++It)
    ++Entries;
  mark("Z");
  return Exists && IsDirectory && Entries == 1 ? 0 : 1;
}
