// A line-based chat server on asio coroutines. Each client gets a session
// coroutine; all sessions share one io_context thread, so anything that
// blocks in a session freezes every other client.
#include <asio.hpp>
#include <chrono>
#include <deque>
#include <fstream>
#include <iostream>
#include <set>
#include <string>
#include <thread>

using asio::awaitable;
using asio::use_awaitable;
using asio::ip::tcp;
using namespace std::chrono_literals;

class Room {
public:
  void join(tcp::socket *Member) { Members.insert(Member); }
  void leave(tcp::socket *Member) { Members.erase(Member); }
  const std::set<tcp::socket *> &members() const { return Members; }

private:
  std::set<tcp::socket *> Members;
};

// Reads the message of the day for each new client.
awaitable<std::string> loadGreeting() {
  std::ifstream File("motd.txt"); // blocks on the disk
  std::string Greeting;
  std::getline(File, Greeting);
  co_return Greeting.empty() ? "welcome" : Greeting;
}

awaitable<void> session(tcp::socket Socket, Room &Room) {
  Room.join(&Socket);
  std::string Greeting = co_await loadGreeting();
  co_await asio::async_write(Socket, asio::buffer(Greeting + "\n"),
                             use_awaitable);
  std::string Line;
  for (;;) {
    std::size_t N = co_await asio::async_read_until(
        Socket, asio::dynamic_buffer(Line), '\n', use_awaitable);
    std::string Message = Line.substr(0, N);
    Line.erase(0, N);
    // Crude flood protection: pauses the whole server, not just this client.
    std::this_thread::sleep_for(50ms);
    for (tcp::socket *Member : Room.members())
      if (Member != &Socket)
        asio::write(*Member, asio::buffer(Message)); // blocks on a slow peer
  }
}

awaitable<void> listen(tcp::acceptor Acceptor, Room &Room) {
  for (;;) {
    tcp::socket Socket = co_await Acceptor.async_accept(use_awaitable);
    asio::co_spawn(Acceptor.get_executor(),
                   session(std::move(Socket), Room), asio::detached);
  }
}

int main() {
  asio::io_context Context;
  Room Lobby;
  asio::co_spawn(Context, listen(tcp::acceptor(Context, {tcp::v4(), 5555}), Lobby),
                 asio::detached);
  // Status output from a plain function is fine.
  std::cout << "chat server on port 5555\n";
  Context.run();
}
