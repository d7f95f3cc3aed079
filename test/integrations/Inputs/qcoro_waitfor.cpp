// QCoro::waitFor runs a nested event loop: a timer due while it waits fires
// inside it. The fact behind the catalog's reason for QCoro::waitFor.
#include <QCoreApplication>
#include <QTimer>
#include <QCoroTimer>
#include <QCoroTask>
#include <cstdio>
using namespace std::chrono_literals;
QCoro::Task<int> later() { co_await QCoro::sleepFor(100ms); co_return 7; }
int main(int argc, char **argv) {
  QCoreApplication App(argc, argv);
  bool Fired = false;
  QTimer::singleShot(10ms, [&] { Fired = true; });
  int Value = QCoro::waitFor(later());
  std::printf("waitFor returned %d; a timer due meanwhile %s\n", Value, Fired ? "fired inside it (nested event loop)" : "did not fire");
}
