// A job worker on a home-grown Task type: jobs are coroutines resumed by a
// single scheduler thread.
#include "task.h"
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

namespace fs = std::filesystem;

std::mutex QueueMutex;
std::vector<std::string> Finished;

Task<int> compressArtifacts(fs::path Dir) {
  int Count = 0;
  for (const fs::directory_entry &Entry : fs::directory_iterator(Dir)) {
    (void)Entry;
    ++Count;
  }
  // Shelling out waits for the child: every other job stalls meanwhile.
  std::string Command = "tar czf artifacts.tgz " + Dir.string();
  FILE *Tar = popen(Command.c_str(), "r");
  pclose(Tar);
  co_return Count;
}

Task<int> runJob(std::string Name) {
  int Files = co_await compressArtifacts("build/" + Name);
  {
    std::lock_guard<std::mutex> Lock(QueueMutex);
    Finished.push_back(Name);
  }
  std::printf("%s: %d files\n", Name.c_str(), Files);
  co_return Files;
}

int main() {
  return runJob("nightly").runToCompletion() > 0 ? 0 : 1;
}
