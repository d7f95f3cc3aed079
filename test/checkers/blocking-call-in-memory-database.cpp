// A SQLite database opened in memory (":memory:", SQLITE_OPEN_MEMORY) reads
// no file: its statements are CPU work in proportion to the data, category
// bulk-cpu (opt-in), not a wait for the database. Only on complete
// evidence: the handle, or the database a statement was prepared on, is in
// memory on every path to the call; a handle opened elsewhere, opened from
// a file on one path, or handed by address to another call is reported.
// RUN: %coro_tidy -checks='-*,coro-blocking-call' %s \
// RUN:   -config="{CheckOptions: {coro-blocking-call.ExplainSuppressions: true}}" \
// RUN:   -- -std=c++20 -I %S/Inputs \
// RUN:   | FileCheck %s -check-prefix=CHECK-MESSAGES \
// RUN:       -implicit-check-not='{{warning|error|note|remark}}:'
// RUN: %coro_tidy -checks='-*,coro-blocking-call' %s \
// RUN:   -config="{CheckOptions: {coro-blocking-call.Categories: '*,bulk-cpu'}}" \
// RUN:   -- -std=c++20 -I %S/Inputs \
// RUN:   | FileCheck %s -check-prefix=BULK

#include "task.h"
#include <sqlite3.h>

task<> inMemory() {
  sqlite3 *Db = nullptr;
  sqlite3_open(":memory:", &Db);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: remark: call to 'sqlite3_open' not reported: a nonblocking-if condition of its catalog entry holds
  sqlite3_exec(Db, "create table t(a)", nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: remark: call to 'sqlite3_exec' not reported: 'Db' works on an in-memory database on every path to it: the call is category 'bulk-cpu' [coro-blocking-call]
  // BULK: :[[@LINE-2]]:3: warning: blocking call to 'sqlite3_exec' (bulk-cpu) stalls the thread running coroutine 'inMemory': the statement runs on an in-memory database, CPU work in proportion to its data, and a sort that outgrows the cache writes a temporary file
  sqlite3_stmt *Insert = nullptr;
  sqlite3_prepare_v2(Db, "insert into t values(1)", -1, &Insert, nullptr);
  sqlite3_step(Insert);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: remark: call to 'sqlite3_step' not reported: 'Insert' works on an in-memory database on every path to it
  // BULK: :[[@LINE-2]]:3: warning: blocking call to 'sqlite3_step' (bulk-cpu)
  sqlite3_finalize(Insert);
  sqlite3_close(Db);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: remark: call to 'sqlite3_close' not reported: 'Db' works on an in-memory database on every path to it
  // BULK: :[[@LINE-2]]:3: warning: blocking call to 'sqlite3_close' (bulk-cpu) stalls the thread running coroutine 'inMemory': closing an in-memory database frees its pages
  co_return;
}

task<> memoryFlag() {
  sqlite3 *Db = nullptr;
  sqlite3_open_v2("cache", &Db,
                  SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_MEMORY,
                  nullptr);
  // CHECK-MESSAGES: :[[@LINE-3]]:3: remark: call to 'sqlite3_open_v2' not reported
  sqlite3_exec(Db, "vacuum", nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: remark: call to 'sqlite3_exec' not reported: 'Db' works on an in-memory database on every path to it
  // BULK: :[[@LINE-2]]:3: warning: blocking call to 'sqlite3_exec' (bulk-cpu)
  co_return;
}

// A database file: every call waits for the disk.
task<> onDisk() {
  sqlite3 *Db = nullptr;
  sqlite3_open("app.db", &Db);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'sqlite3_open' (database) stalls the thread running coroutine 'onDisk': the thread waits for the database file
  // CHECK-MESSAGES: :[[@LINE-4]]:8: note: coroutine 'onDisk' declared here
  // BULK: :[[@LINE-3]]:3: warning: blocking call to 'sqlite3_open' (database)
  sqlite3_exec(Db, "vacuum", nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'sqlite3_exec' (database) stalls the thread running coroutine 'onDisk': the thread waits for the database file
  // CHECK-MESSAGES: :[[@LINE-8]]:8: note: coroutine 'onDisk' declared here
  // BULK: :[[@LINE-3]]:3: warning: blocking call to 'sqlite3_exec' (database)
  co_return;
}

// Incomplete evidence, each reported: in memory on one path only, a
// statement prepared before the handle was in memory, a handle handed by
// address to another call, a handle nobody here opened, another object's
// handle.
task<> onePath(bool Cached) {
  sqlite3 *Db = nullptr;
  if (Cached)
    sqlite3_open(":memory:", &Db);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: remark: call to 'sqlite3_open' not reported
  else
    sqlite3_open("app.db", &Db);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: blocking call to 'sqlite3_open' (database)
  // CHECK-MESSAGES: :[[@LINE-8]]:8: note: coroutine 'onePath' declared here
  // BULK: :[[@LINE-3]]:5: warning: blocking call to 'sqlite3_open' (database)
  sqlite3_exec(Db, "vacuum", nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'sqlite3_exec' (database)
  // CHECK-MESSAGES: :[[@LINE-12]]:8: note: coroutine 'onePath' declared here
  // BULK: :[[@LINE-3]]:3: warning: blocking call to 'sqlite3_exec' (database)
  co_return;
}

task<> preparedOnFile(sqlite3 *File) {
  sqlite3_stmt *Query = nullptr;
  sqlite3_prepare_v2(File, "select 1", -1, &Query, nullptr);
  sqlite3 *Db = nullptr;
  sqlite3_open(":memory:", &Db);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: remark: call to 'sqlite3_open' not reported
  sqlite3_step(Query);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'sqlite3_step' (database)
  // CHECK-MESSAGES: :[[@LINE-8]]:8: note: coroutine 'preparedOnFile' declared here
  // BULK: :[[@LINE-3]]:3: warning: blocking call to 'sqlite3_step' (database)
  co_return;
}

void reopen(sqlite3 **Handle);

task<> handedOn() {
  sqlite3 *Db = nullptr;
  sqlite3_open(":memory:", &Db);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: remark: call to 'sqlite3_open' not reported
  reopen(&Db);
  sqlite3_exec(Db, "vacuum", nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'sqlite3_exec' (database)
  // CHECK-MESSAGES: :[[@LINE-7]]:8: note: coroutine 'handedOn' declared here
  // BULK: :[[@LINE-3]]:3: warning: blocking call to 'sqlite3_exec' (database)
  co_return;
}

task<> parameter(sqlite3 *Db) {
  sqlite3_exec(Db, "vacuum", nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking call to 'sqlite3_exec' (database)
  // CHECK-MESSAGES: :[[@LINE-3]]:8: note: coroutine 'parameter' declared here
  // BULK: :[[@LINE-3]]:3: warning: blocking call to 'sqlite3_exec' (database)
  co_return;
}

struct Store {
  sqlite3 *Db = nullptr;
  task<> copyFrom(Store &Other) {
    sqlite3_open(":memory:", &Db);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: remark: call to 'sqlite3_open' not reported
    sqlite3_exec(Other.Db, "vacuum", nullptr, nullptr, nullptr);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: blocking call to 'sqlite3_exec' (database)
    // CHECK-MESSAGES: :[[@LINE-5]]:10: note: coroutine 'copyFrom' declared here
    // BULK: :[[@LINE-3]]:5: warning: blocking call to 'sqlite3_exec' (database)
    sqlite3_exec(Db, "vacuum", nullptr, nullptr, nullptr);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: remark: call to 'sqlite3_exec' not reported: 'Db' works on an in-memory database on every path to it
    // BULK: :[[@LINE-2]]:5: warning: blocking call to 'sqlite3_exec' (bulk-cpu)
    co_return;
  }
};
