// Files in /proc and /sys, and the standard streams, are kernel memory, not
// a disk: opening them (the catalog's nonblocking-if with a path prefix) and
// reading or writing through the handle so opened do not wait for a device.
// A handle opened on another path, or opened anew, is reported as before.
// RUN: %coro_tidy -checks='-*,coro-blocking-call' %s -- -std=c++20 -I %S/Inputs \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include "task.h"
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

// As a test framework checks whether a debugger is attached.
bool debuggerAttached() {
  std::ifstream In("/proc/self/status");
  for (std::string Line; std::getline(In, Line);)
    if (Line.rfind("TracerPid:", 0) == 0)
      return Line != "TracerPid:\t0";
  return false;
}

long freeMemory() {
  FILE *Info = std::fopen("/proc/meminfo", "r");
  char Line[128];
  long Free = 0;
  while (std::fgets(Line, sizeof Line, Info))
    std::sscanf(Line, "MemFree: %ld", &Free);
  std::fclose(Info);
  return Free;
}

task<> monitor(std::string Config) {
  (void)debuggerAttached();
  (void)freeMemory();
  (void)std::filesystem::exists("/sys/class/net");
  std::ofstream Null("/dev/null");
  Null << "discarded";

  std::ifstream Settings(Config);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: blocking construction of 'std::basic_ifstream' (file-io)
  // CHECK-MESSAGES: :[[@LINE-9]]:8: note: coroutine 'monitor' declared here
  FILE *Passwd = std::fopen("/etc/passwd", "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: blocking call to 'fopen' (file-io)
  // CHECK-MESSAGES: :[[@LINE-12]]:8: note: coroutine 'monitor' declared here
  (void)Passwd;
  // "/procfs" is not "/proc/".
  FILE *Lookalike = std::fopen("/procfs/state", "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: blocking call to 'fopen' (file-io)
  // CHECK-MESSAGES: :[[@LINE-17]]:8: note: coroutine 'monitor' declared here
  (void)Lookalike;

  // Opened on /proc, then on the configuration: reads may wait.
  std::ifstream Reused("/proc/self/stat");
  Reused.open(Config);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: blocking call to 'std::basic_ifstream::open' (file-io)
  // CHECK-MESSAGES: :[[@LINE-24]]:8: note: coroutine 'monitor' declared here
  std::string Word;
  Reused >> Word;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'std::operator>>' (file-io)
  // CHECK-MESSAGES: :[[@LINE-28]]:8: note: coroutine 'monitor' declared here

  // Opened on /proc, then swapped with a stream on the configuration.
  std::ifstream Stat("/proc/self/stat");
  std::ifstream Saved(Config);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: blocking construction of 'std::basic_ifstream' (file-io)
  // CHECK-MESSAGES: :[[@LINE-34]]:8: note: coroutine 'monitor' declared here
  std::swap(Stat, Saved);
  Stat >> Word;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'std::operator>>' (file-io)
  // CHECK-MESSAGES: :[[@LINE-38]]:8: note: coroutine 'monitor' declared here
  co_return;
}
// A handle opened on /proc is let go only while every use of it is seen: a
// reference, a pointer, a capture or a call that may reopen it means a read
// may wait on the disk.
void reopenWith(std::ifstream &Stream, const std::string &Path);
void replace(FILE **File);
bool isOpen(const std::ifstream &Stream);
task<> escapes(std::string Config) {
  std::string Word;
  char Buf[64];
  FILE *Info = std::fopen("/proc/meminfo", "r");
  std::freopen(Config.c_str(), "r", Info);
  // CHECK-MESSAGES: :[[@LINE-1]]:{{[0-9]+}}: warning: blocking call to 'freopen' (file-io)
  // CHECK-MESSAGES: :[[@LINE-6]]:8: note: coroutine 'escapes' declared here
  std::fgets(Buf, sizeof Buf, Info);
  // CHECK-MESSAGES: :[[@LINE-1]]:{{[0-9]+}}: warning: blocking call to 'fgets' (file-io)
  // CHECK-MESSAGES: :[[@LINE-9]]:8: note: coroutine 'escapes' declared here

  std::ifstream ByReference("/proc/self/stat");
  std::ifstream &Alias = ByReference;
  Alias.open(Config);
  // CHECK-MESSAGES: :[[@LINE-1]]:{{[0-9]+}}: warning: blocking call to 'std::basic_ifstream::open' (file-io)
  // CHECK-MESSAGES: :[[@LINE-15]]:8: note: coroutine 'escapes' declared here
  ByReference >> Word;
  // CHECK-MESSAGES: :[[@LINE-1]]:{{[0-9]+}}: warning: blocking call to 'std::operator>>' (file-io)
  // CHECK-MESSAGES: :[[@LINE-18]]:8: note: coroutine 'escapes' declared here

  std::ifstream ByHelper("/proc/self/stat");
  reopenWith(ByHelper, Config);
  ByHelper >> Word;
  // CHECK-MESSAGES: :[[@LINE-1]]:{{[0-9]+}}: warning: blocking call to 'std::operator>>' (file-io)
  // CHECK-MESSAGES: :[[@LINE-24]]:8: note: coroutine 'escapes' declared here

  FILE *ByAddress = std::fopen("/proc/meminfo", "r");
  replace(&ByAddress);
  std::fgets(Buf, sizeof Buf, ByAddress);
  // CHECK-MESSAGES: :[[@LINE-1]]:{{[0-9]+}}: warning: blocking call to 'fgets' (file-io)
  // CHECK-MESSAGES: :[[@LINE-30]]:8: note: coroutine 'escapes' declared here

  std::ifstream ByPointer("/proc/self/stat");
  std::ifstream *Pointer = &ByPointer;
  Pointer->open(Config);
  // CHECK-MESSAGES: :[[@LINE-1]]:{{[0-9]+}}: warning: blocking call to 'std::basic_ifstream::open' (file-io)
  // CHECK-MESSAGES: :[[@LINE-36]]:8: note: coroutine 'escapes' declared here
  ByPointer >> Word;
  // CHECK-MESSAGES: :[[@LINE-1]]:{{[0-9]+}}: warning: blocking call to 'std::operator>>' (file-io)
  // CHECK-MESSAGES: :[[@LINE-39]]:8: note: coroutine 'escapes' declared here

  // Only read-only uses beside the catalog's calls: let go.
  std::ifstream Status("/proc/self/status");
  if (!Status || !isOpen(Status) || !Status.is_open())
    co_return;
  while (Status >> Word) {
  }
  FILE *Meminfo = std::fopen("/proc/meminfo", "r");
  if (Meminfo != nullptr && Meminfo)
    std::fgets(Buf, sizeof Buf, Meminfo);
  co_return;
}
// The file a handle is open on is followed on every path to each read: an
// open on /proc after the declaration counts, a branch or a loop that opens
// another file on the way means the read may wait.
task<> followsPaths(std::string Config, bool Debug) {
  std::string Word;
  char Buf[64];
  std::ifstream Later;
  Later.open("/proc/self/stat");
  Later >> Word;

  FILE *Assigned = std::fopen(Config.c_str(), "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:{{[0-9]+}}: warning: blocking call to 'fopen' (file-io)
  // CHECK-MESSAGES: :[[@LINE-9]]:8: note: coroutine 'followsPaths' declared here
  Assigned = std::fopen("/proc/meminfo", "r");
  std::fgets(Buf, sizeof Buf, Assigned);

  std::ifstream Either;
  if (Debug)
    Either.open("/proc/self/status");
  else
    Either.open(Config);
  // CHECK-MESSAGES: :[[@LINE-1]]:{{[0-9]+}}: warning: blocking call to 'std::basic_ifstream::open' (file-io)
  // CHECK-MESSAGES: :[[@LINE-19]]:8: note: coroutine 'followsPaths' declared here
  Either >> Word;
  // CHECK-MESSAGES: :[[@LINE-1]]:{{[0-9]+}}: warning: blocking call to 'std::operator>>' (file-io)
  // CHECK-MESSAGES: :[[@LINE-22]]:8: note: coroutine 'followsPaths' declared here

  std::ifstream Switched(Config);
  // CHECK-MESSAGES: :[[@LINE-1]]:{{[0-9]+}}: warning: blocking construction of 'std::basic_ifstream' (file-io)
  // CHECK-MESSAGES: :[[@LINE-26]]:8: note: coroutine 'followsPaths' declared here
  Switched >> Word;
  // CHECK-MESSAGES: :[[@LINE-1]]:{{[0-9]+}}: warning: blocking call to 'std::operator>>' (file-io)
  // CHECK-MESSAGES: :[[@LINE-29]]:8: note: coroutine 'followsPaths' declared here
  Switched.close();
  // CHECK-MESSAGES: :[[@LINE-1]]:{{[0-9]+}}: warning: blocking call to 'std::basic_ifstream::close' (file-io)
  // CHECK-MESSAGES: :[[@LINE-32]]:8: note: coroutine 'followsPaths' declared here
  Switched.open("/proc/self/stat");
  Switched >> Word;

  // The second time round, the stream is open on the configuration.
  std::ifstream Looped("/proc/self/stat");
  for (int I = 0; I < 2; ++I) {
    Looped >> Word;
    // CHECK-MESSAGES: :[[@LINE-1]]:{{[0-9]+}}: warning: blocking call to 'std::operator>>' (file-io)
    // CHECK-MESSAGES: :[[@LINE-41]]:8: note: coroutine 'followsPaths' declared here
    Looped.close();
    // CHECK-MESSAGES: :[[@LINE-1]]:{{[0-9]+}}: warning: blocking call to 'std::basic_ifstream::close' (file-io)
    // CHECK-MESSAGES: :[[@LINE-44]]:8: note: coroutine 'followsPaths' declared here
    Looped.open(Config);
    // CHECK-MESSAGES: :[[@LINE-1]]:{{[0-9]+}}: warning: blocking call to 'std::basic_ifstream::open' (file-io)
    // CHECK-MESSAGES: :[[@LINE-47]]:8: note: coroutine 'followsPaths' declared here
  }
  co_return;
}
