// Every category of the default catalog, with the calls that must stay quiet
// next to the ones that block.
// RUN: %coro_tidy -checks='-*,coro-blocking-call' %s -- -std=c++20 -I %S/Inputs \
// RUN:   -isystem /usr/include/postgresql \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note}}:'

#include "task.h"
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <curl/curl.h>
#include <filesystem>
#include <fstream>
#include <future>
#include <iostream>
#include <latch>
#include <libpq-fe.h>
#include <mutex>
#include <netdb.h>
#include <poll.h>
#include <pthread.h>
#include <semaphore>
#include <shared_mutex>
#include <spawn.h>
#include <sqlite3.h>
#include <sstream>
#include <string>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace std::chrono_literals;

// CHECK-MESSAGES: :[[@LINE+3]]:3: warning: blocking call to 'std::this_thread::sleep_for' (sleep) stalls the thread running coroutine 'sleeps': the thread sleeps for the whole delay; co_await your framework's timer or sleep instead [coro-blocking-call]
// CHECK-MESSAGES: :[[#SLEEPS:@LINE+1]]:8: note: coroutine 'sleeps' declared here
task<> sleeps() {
  std::this_thread::sleep_for(10ms);
  std::this_thread::sleep_until(std::chrono::steady_clock::now() + 1s);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'std::this_thread::sleep_until' (sleep)
  // CHECK-MESSAGES: :[[#SLEEPS]]:8: note: coroutine 'sleeps' declared here
  sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'sleep' (sleep)
  // CHECK-MESSAGES: :[[#SLEEPS]]:8: note: coroutine 'sleeps' declared here
  usleep(100);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'usleep' (sleep)
  // CHECK-MESSAGES: :[[#SLEEPS]]:8: note: coroutine 'sleeps' declared here
  timespec Delay{0, 1000};
  nanosleep(&Delay, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'nanosleep' (sleep)
  // CHECK-MESSAGES: :[[#SLEEPS]]:8: note: coroutine 'sleeps' declared here
  clock_nanosleep(CLOCK_MONOTONIC, 0, &Delay, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'clock_nanosleep' (sleep)
  // CHECK-MESSAGES: :[[#SLEEPS]]:8: note: coroutine 'sleeps' declared here
  // Not blocking: reading clocks, yielding.
  (void)std::chrono::steady_clock::now();
  std::this_thread::yield();
  co_return;
}

std::mutex M;
std::shared_mutex SM;
std::condition_variable CV;

// Waits for other work of unbounded length. (Mutex acquisition is the
// opt-in category mutex: blocking-call-mutex.cpp.)
// CHECK-MESSAGES: :[[@LINE+5]]:8: warning: blocking call to 'std::condition_variable::wait' (sync-primitive) stalls the thread running coroutine 'synchronizes': the thread waits until another thread notifies it
// CHECK-MESSAGES: :[[#SYNC:@LINE+1]]:8: note: coroutine 'synchronizes' declared here
task<> synchronizes(std::future<int> F, std::thread &T, std::latch &L) {
  {
    std::unique_lock<std::mutex> Lock(M);
    CV.wait(Lock);
  }
  int Value = F.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: blocking call to 'std::future::get' (sync-primitive)
  // CHECK-MESSAGES: :[[#SYNC]]:8: note: coroutine 'synchronizes' declared here
  T.join();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: blocking call to 'std::thread::join' (sync-primitive)
  // CHECK-MESSAGES: :[[#SYNC]]:8: note: coroutine 'synchronizes' declared here
  L.arrive_and_wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: blocking call to 'std::latch::arrive_and_wait' (sync-primitive)
  // CHECK-MESSAGES: :[[#SYNC]]:8: note: coroutine 'synchronizes' declared here
  std::counting_semaphore<4> Slots(4);
  Slots.acquire();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: blocking call to 'std::counting_semaphore::acquire' (sync-primitive)
  // CHECK-MESSAGES: :[[#SYNC]]:8: note: coroutine 'synchronizes' declared here
  // Not blocking: try_lock, notifying, unlocking, a short critical section.
  if (M.try_lock())
    M.unlock();
  CV.notify_all();
  M.lock();
  M.unlock();
  std::lock_guard Guard(SM);
  (void)Value;
  co_return;
}

// CHECK-MESSAGES: :[[@LINE+3]]:13: warning: blocking call to 'fopen' (file-io) stalls the thread running coroutine 'files': the thread waits for the disk; offload it to a thread pool and co_await the result
// CHECK-MESSAGES: :[[#FILES:@LINE+1]]:8: note: coroutine 'files' declared here
task<> files(const std::filesystem::path &P, int Fd) {
  FILE *F = fopen("log.txt", "a");
  fprintf(F, "%d\n", 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'fprintf' (file-io)
  // CHECK-MESSAGES: :[[#FILES]]:8: note: coroutine 'files' declared here
  fclose(F);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'fclose' (file-io)
  // CHECK-MESSAGES: :[[#FILES]]:8: note: coroutine 'files' declared here
  char Buf[64];
  (void)read(Fd, Buf, sizeof Buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: blocking call to 'read' (file-io)
  // CHECK-MESSAGES: :[[#FILES]]:8: note: coroutine 'files' declared here
  fsync(Fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'fsync' (file-io)
  // CHECK-MESSAGES: :[[#FILES]]:8: note: coroutine 'files' declared here
  std::ifstream In("app.conf");
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: blocking construction of 'std::basic_ifstream' (file-io)
  // CHECK-MESSAGES: :[[#FILES]]:8: note: coroutine 'files' declared here
  std::string Line;
  std::getline(In, Line);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'std::getline' (file-io)
  // CHECK-MESSAGES: :[[#FILES]]:8: note: coroutine 'files' declared here
  In.read(Buf, 4);
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: blocking call to 'std::basic_ifstream::read' (file-io)
  // CHECK-MESSAGES: :[[#FILES]]:8: note: coroutine 'files' declared here
  int Number = 0;
  In >> Number;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'std::basic_ifstream::operator>>' (file-io)
  // CHECK-MESSAGES: :[[#FILES]]:8: note: coroutine 'files' declared here
  std::ofstream Out;
  Out.open("out.txt");
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: blocking call to 'std::basic_ofstream::open' (file-io)
  // CHECK-MESSAGES: :[[#FILES]]:8: note: coroutine 'files' declared here
  Out << "text";
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'std::operator<<' (file-io)
  // CHECK-MESSAGES: :[[#FILES]]:8: note: coroutine 'files' declared here
  std::cin >> Number;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'std::basic_istream::operator>>' (file-io)
  // CHECK-MESSAGES: :[[#FILES]]:8: note: coroutine 'files' declared here
  std::getline(std::cin, Line);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'std::getline' (file-io)
  // CHECK-MESSAGES: :[[#FILES]]:8: note: coroutine 'files' declared here
  bool Exists = std::filesystem::exists(P);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: blocking call to 'std::filesystem::exists' (file-io)
  // CHECK-MESSAGES: :[[#FILES]]:8: note: coroutine 'files' declared here
  // Not blocking: in-memory streams, console output, path arithmetic, and
  // the file_status overloads that do not touch the disk.
  std::stringstream Memory("1 2");
  Memory >> Number;
  std::getline(Memory, Line);
  Memory << "more";
  std::cout << "status " << Number << '\n';
  std::cerr << "warning\n";
  printf("%d\n", Number);
  fprintf(stderr, "%d\n", Number);
  fputs("done\n", stdout);
  std::filesystem::path Child = P / "child";
  std::filesystem::file_status Status;
  (void)std::filesystem::exists(Status);
  // getcwd: the kernel answers from memory.
  std::filesystem::path Here = std::filesystem::current_path() / Child;
  (void)Exists;
  co_return;
}

// CHECK-MESSAGES: :[[@LINE+3]]:9: warning: blocking call to 'recv' (network) stalls the thread running coroutine 'networks': the thread waits for the peer; use a non-blocking socket and co_await its readiness
// CHECK-MESSAGES: :[[#NET:@LINE+1]]:8: note: coroutine 'networks' declared here
task<> networks(int Sock, CURL *Curl) {
  (void)recv(Sock, nullptr, 0, 0);
  (void)send(Sock, "x", 1, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: blocking call to 'send' (network)
  // CHECK-MESSAGES: :[[#NET]]:8: note: coroutine 'networks' declared here
  (void)accept(Sock, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: blocking call to 'accept' (network)
  // CHECK-MESSAGES: :[[#NET]]:8: note: coroutine 'networks' declared here
  pollfd Fds[1] = {{Sock, POLLIN, 0}};
  (void)poll(Fds, 1, 1000);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: blocking call to 'poll' (network)
  // CHECK-MESSAGES: :[[#NET]]:8: note: coroutine 'networks' declared here
  curl_easy_perform(Curl);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'curl_easy_perform' (network) stalls the thread running coroutine 'networks': the thread waits for the whole transfer; drive the transfer with the curl multi interface
  // CHECK-MESSAGES: :[[#NET]]:8: note: coroutine 'networks' declared here
  // Not blocking: setting up a transfer, creating a socket.
  curl_easy_setopt(Curl, CURLOPT_URL, "http://localhost/");
  (void)socket(AF_INET, SOCK_STREAM, 0);
  co_return;
}

// CHECK-MESSAGES: :[[@LINE+3]]:9: warning: blocking call to 'getaddrinfo' (dns) stalls the thread running coroutine 'resolves': the thread waits for the DNS server; resolve asynchronously
// CHECK-MESSAGES: :[[#DNS:@LINE+1]]:8: note: coroutine 'resolves' declared here
task<> resolves(addrinfo **Result) {
  (void)getaddrinfo("example.org", "80", nullptr, Result);
  (void)gethostbyname("example.org");
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: blocking call to 'gethostbyname' (dns)
  // CHECK-MESSAGES: :[[#DNS]]:8: note: coroutine 'resolves' declared here
  // Not blocking: freeing the result.
  freeaddrinfo(*Result);
  co_return;
}

// CHECK-MESSAGES: :[[@LINE+3]]:9: warning: blocking call to 'system' (process) stalls the thread running coroutine 'spawns': the thread waits until the command exits
// CHECK-MESSAGES: :[[#PROC:@LINE+1]]:8: note: coroutine 'spawns' declared here
task<> spawns(pid_t Child) {
  (void)system("make");
  FILE *Pipe = popen("ls", "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: blocking call to 'popen' (process)
  // CHECK-MESSAGES: :[[#PROC]]:8: note: coroutine 'spawns' declared here
  pclose(Pipe);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'pclose' (process)
  // CHECK-MESSAGES: :[[#PROC]]:8: note: coroutine 'spawns' declared here
  char *Args[] = {nullptr};
  posix_spawn(&Child, "/bin/true", nullptr, nullptr, Args, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'posix_spawn' (process) stalls the thread running coroutine 'spawns': the thread waits until the child has loaded the program from disk
  // CHECK-MESSAGES: :[[#PROC]]:8: note: coroutine 'spawns' declared here
  posix_spawnp(&Child, "true", nullptr, nullptr, Args, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'posix_spawnp' (process)
  // CHECK-MESSAGES: :[[#PROC]]:8: note: coroutine 'spawns' declared here
  int Status = 0;
  waitpid(Child, &Status, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'waitpid' (process)
  // CHECK-MESSAGES: :[[#PROC]]:8: note: coroutine 'spawns' declared here
  // Not blocking: asking for the process id.
  (void)getpid();
  co_return;
}

// CHECK-MESSAGES: :[[@LINE+3]]:18: warning: blocking call to 'PQconnectdb' (database) stalls the thread running coroutine 'queries': the thread waits for the PostgreSQL server; connect with the async API (PQconnectStart, PQconnectPoll)
// CHECK-MESSAGES: :[[#DB:@LINE+1]]:8: note: coroutine 'queries' declared here
task<> queries(sqlite3 *Db, sqlite3_stmt *Stmt) {
  PGconn *Conn = PQconnectdb("dbname=app");
  PGresult *Res = PQexec(Conn, "SELECT 1");
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: blocking call to 'PQexec' (database) stalls the thread running coroutine 'queries': the thread waits for the PostgreSQL server; send the query with libpq's async API (PQsendQuery, PQsendQueryParams)
  // CHECK-MESSAGES: :[[#DB]]:8: note: coroutine 'queries' declared here
  sqlite3_exec(Db, "VACUUM", nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'sqlite3_exec' (database)
  // CHECK-MESSAGES: :[[#DB]]:8: note: coroutine 'queries' declared here
  sqlite3_step(Stmt);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'sqlite3_step' (database)
  // CHECK-MESSAGES: :[[#DB]]:8: note: coroutine 'queries' declared here
  // Not blocking: the async libpq API and reading a result in memory.
  PQsendQuery(Conn, "SELECT 2");
  (void)PQntuples(Res);
  PQclear(Res);
  co_return;
}

// The same calls in an ordinary function are never reported.
void notACoroutine(int Fd) {
  std::this_thread::sleep_for(10ms);
  std::lock_guard Guard(M);
  char Buf[8];
  (void)read(Fd, Buf, sizeof Buf);
  (void)system("true");
}
