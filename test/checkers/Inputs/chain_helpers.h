// Helpers defined inline in a header: their bodies are visible to every
// translation unit that includes it.
#pragma once
#include <fstream>
#include <string>

inline std::string slurp(const std::string &Path) {
  std::ifstream In(Path);
  return std::string(std::istreambuf_iterator<char>(In), {});
}

inline std::string loadManifest() { return slurp("manifest.json"); }
