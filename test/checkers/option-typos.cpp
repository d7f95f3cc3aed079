// An option value that names nothing warns, as an invalid bool does: a
// category glob that matches no category (it would turn every category off,
// or none), an allowed function that names no catalog entry or annotated
// function (it would allow nothing). Findings are reported as before.
// RUN: %coro_tidy -checks='-*,coro-blocking-call,coro-sync-wait' %s \
// RUN:   -config="{CheckOptions: {coro-blocking-call.Categories: '*,-sleeep', coro-blocking-call.AllowedFunctions: 'std::sleep', coro-sync-wait.AllowedFunctions: 'std::future::gett'}}" \
// RUN:   -- -std=c++20 -I %S/Inputs 2>&1 \
// RUN:   | FileCheck %s -check-prefix=TYPO -implicit-check-not='{{warning|error}}:'
// TYPO-DAG: warning: 'sleeep' in option 'coro-blocking-call.Categories' matches no category of the catalog or of an annotated function; the categories are: annotated, async-twin, bulk-cpu, cpu, database, db-layer, dns, file-io, mutex, network, process, sleep, sync-primitive, sync-wait [clang-tidy-config]
// TYPO-DAG: warning: 'std::sleep' in option 'coro-blocking-call.AllowedFunctions' names no catalog entry or annotated function [clang-tidy-config]
// TYPO-DAG: warning: 'std::future::gett' in option 'coro-sync-wait.AllowedFunctions' names no catalog entry [clang-tidy-config]
// TYPO-DAG: :[[@LINE+21]]:3: warning: blocking call to 'std::this_thread::sleep_for'
//
// Names that exist, as globs, catalog entries, annotated functions and their
// categories, do not warn, even when nothing in the file calls them.
// RUN: %coro_tidy -checks='-*,coro-blocking-call,coro-sync-wait' %s \
// RUN:   -config="{CheckOptions: {coro-blocking-call.Categories: '*,-file*,db-layer,-annotated; mutex', coro-blocking-call.AllowedFunctions: 'std::this_thread::sleep_for; ::usleep; app::fetch_rows; app::cached', coro-sync-wait.AllowedFunctions: 'std::future::get'}}" \
// RUN:   -- -std=c++20 -I %S/Inputs 2>&1 \
// RUN:   | FileCheck %s -check-prefix=KNOWN --allow-empty
// KNOWN-NOT: clang-tidy-config
// KNOWN-NOT: warning:

#include "task.h"
#include <chrono>
#include <thread>

namespace app {
[[clang::annotate("coro::blocking:db-layer")]] int fetch_rows();
[[clang::annotate("coro::nonblocking")]] int cached();
} // namespace app

task<> typos() {
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  co_return;
}
