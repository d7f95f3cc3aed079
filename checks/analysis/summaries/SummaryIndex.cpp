//===----------------------------------------------------------------------===//

#include "analysis/summaries/SummaryIndex.h"
#include "analysis/summaries/BreadthFirst.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <mutex>

namespace coro_tidy {

namespace json = llvm::json;

namespace {

constexpr int IndexFormatVersion = 2;
constexpr llvm::StringLiteral FormatKey = "coro-tidy-index";

llvm::Error malformedIndex(size_t Line, const llvm::Twine &What) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "line " + llvm::Twine(Line) + ": " + What);
}

/// The files places name, numbered in sorted order.
class FileTable {
public:
  void add(llvm::StringRef File) { Numbers.try_emplace(File, 0); }
  void number() {
    std::vector<llvm::StringRef> Sorted;
    for (const auto &Entry : Numbers)
      Sorted.push_back(Entry.getKey());
    llvm::sort(Sorted);
    for (size_t I = 0; I < Sorted.size(); ++I)
      Numbers[Sorted[I]] = I;
    Files = std::move(Sorted);
  }
  uint32_t of(llvm::StringRef File) const { return Numbers.lookup(File); }
  llvm::ArrayRef<llvm::StringRef> files() const { return Files; }

private:
  llvm::StringMap<uint32_t> Numbers;
  std::vector<llvm::StringRef> Files;
};

void writePlace(json::OStream &Out, const FileTable &Files,
                const IndexPlace &Place) {
  Out.value(Files.of(Place.File));
  Out.value(Place.Line);
  Out.value(Place.Column);
}

/// Reads a place from \p Array at \p At: [file number, line, column].
bool readPlace(const json::Array &Array, size_t At,
               llvm::ArrayRef<llvm::StringRef> Files, IndexPlace &Place) {
  if (Array.size() < At + 3)
    return false;
  std::optional<int64_t> File = Array[At].getAsInteger();
  std::optional<int64_t> Line = Array[At + 1].getAsInteger();
  std::optional<int64_t> Column = Array[At + 2].getAsInteger();
  if (!File || !Line || !Column || *File < 0 ||
      static_cast<uint64_t>(*File) >= Files.size() || *Line <= 0 ||
      *Column <= 0)
    return false;
  Place = {Files[*File], static_cast<unsigned>(*Line),
           static_cast<unsigned>(*Column)};
  return true;
}

} // namespace

void SummaryIndex::write(llvm::raw_ostream &OS) const {
  FileTable Files;
  for (const Function &F : Functions)
    Files.add(F.Where.File);
  for (const Blocking &B : BlockingCalls)
    Files.add(B.Where.File);
  for (const Call &C : Calls)
    Files.add(C.Where.File);
  for (const Unit &U : Units)
    Files.add(U.MainFile);
  for (const Input &I : Inputs)
    Files.add(I.File);
  Files.number();
  {
    json::OStream Out(OS);
    Out.object([&] {
      Out.attribute(FormatKey, IndexFormatVersion);
      Out.attributeArray("files", [&] {
        for (llvm::StringRef File : Files.files())
          Out.value(File);
      });
      Out.attribute("units", static_cast<int64_t>(Units.size()));
      Out.attribute("functions", static_cast<int64_t>(Functions.size()));
      Out.attributeArray("recheck", [&] {
        for (llvm::StringRef File : Recheck)
          Out.value(File);
      });
    });
  }
  OS << "\n";
  for (const Unit &U : Units) {
    json::OStream Out(OS);
    Out.object([&] {
      Out.attribute("unit", Files.of(U.MainFile));
      Out.attributeArray("inputs", [&] {
        for (const Input &I : inputsOf(U))
          Out.array([&] {
            Out.value(Files.of(I.File));
            Out.value(I.Hash);
          });
      });
    });
    OS << "\n";
  }
  for (const Function &F : Functions) {
    json::OStream Out(OS);
    Out.object([&] {
      Out.attribute("usr", F.Usr);
      Out.attribute("unit", F.Unit);
      Out.attribute("name", F.Name);
      Out.attributeArray("at", [&] { writePlace(Out, Files, F.Where); });
      Out.attribute("step", F.Step);
      Out.attributeArray("blocking", [&] {
        for (const Blocking &B : blockingOf(F))
          Out.array([&] {
            Out.value(B.Api);
            Out.value(B.Category);
            Out.value(B.Construct);
            writePlace(Out, Files, B.Where);
          });
      });
      Out.attributeArray("calls", [&] {
        for (const Call &C : callsOf(F))
          Out.array([&] {
            Out.value(C.Callee);
            Out.value(C.Construct);
            writePlace(Out, Files, C.Where);
          });
      });
    });
    OS << "\n";
  }
}

namespace {

/// Reads the lines after the header into \p Index's parts.
class IndexReader {
public:
  IndexReader(llvm::ArrayRef<llvm::StringRef> Files,
              llvm::function_ref<llvm::StringRef(llvm::StringRef)> Intern)
      : Files(Files), Intern(Intern) {}

  llvm::Error readFunction(size_t LineNumber, llvm::StringRef Line,
                           SummaryIndex::Function &F,
                           std::vector<SummaryIndex::Blocking> &Blocking,
                           std::vector<SummaryIndex::Call> &Calls) const {
    llvm::Expected<json::Value> Value = json::parse(Line);
    if (!Value)
      return malformedIndex(LineNumber, llvm::toString(Value.takeError()));
    const json::Object *Object = Value->getAsObject();
    const json::Array *At = Object ? Object->getArray("at") : nullptr;
    const json::Array *BlockingList =
        Object ? Object->getArray("blocking") : nullptr;
    const json::Array *CallList = Object ? Object->getArray("calls") : nullptr;
    std::optional<llvm::StringRef> Usr, Name;
    std::optional<int64_t> Step, Unit;
    if (Object) {
      Usr = Object->getString("usr");
      Name = Object->getString("name");
      Step = Object->getInteger("step");
      Unit = Object->getInteger("unit");
    }
    if (!Usr || !Name || !At || !Step || !Unit || *Unit < 0 || !BlockingList ||
        !CallList || !readPlace(*At, 0, Files, F.Where))
      return malformedIndex(LineNumber, "a function needs usr, unit, name, "
                                        "at, step, blocking and calls");
    F.Usr = Intern(*Usr);
    F.Name = Intern(*Name);
    F.Step = static_cast<int32_t>(*Step);
    F.Unit = static_cast<uint32_t>(*Unit);
    F.FirstBlocking = Blocking.size();
    F.NumBlocking = BlockingList->size();
    for (const json::Value &Item : *BlockingList)
      if (llvm::Error Error = readBlocking(LineNumber, Item, Blocking))
        return Error;
    F.FirstCall = Calls.size();
    F.NumCalls = CallList->size();
    for (const json::Value &Item : *CallList)
      if (llvm::Error Error = readCall(LineNumber, Item, Calls))
        return Error;
    return llvm::Error::success();
  }

  llvm::Error readUnit(size_t LineNumber, llvm::StringRef Line,
                       SummaryIndex::Unit &U,
                       std::vector<SummaryIndex::Input> &Inputs) const {
    llvm::Expected<json::Value> Value = json::parse(Line);
    if (!Value)
      return malformedIndex(LineNumber, llvm::toString(Value.takeError()));
    const json::Object *Object = Value->getAsObject();
    std::optional<int64_t> File =
        Object ? Object->getInteger("unit") : std::nullopt;
    const json::Array *List = Object ? Object->getArray("inputs") : nullptr;
    if (!File || !List || !fileNumbered(*File, U.MainFile))
      return malformedIndex(LineNumber, "a unit needs unit and inputs");
    U.FirstInput = Inputs.size();
    U.NumInputs = List->size();
    for (const json::Value &Item : *List) {
      const json::Array *Pair = Item.getAsArray();
      std::optional<int64_t> Number;
      std::optional<llvm::StringRef> Hash;
      if (Pair && Pair->size() == 2) {
        Number = (*Pair)[0].getAsInteger();
        Hash = (*Pair)[1].getAsString();
      }
      SummaryIndex::Input Input;
      if (!Number || !Hash || !fileNumbered(*Number, Input.File))
        return malformedIndex(LineNumber, "an input is [file, hash]");
      Input.Hash = Intern(*Hash);
      Inputs.push_back(Input);
    }
    return llvm::Error::success();
  }

private:
  bool fileNumbered(int64_t Number, llvm::StringRef &File) const {
    if (Number < 0 || static_cast<uint64_t>(Number) >= Files.size())
      return false;
    File = Files[Number];
    return true;
  }

  llvm::Error readBlocking(size_t LineNumber, const json::Value &Item,
                           std::vector<SummaryIndex::Blocking> &Out) const {
    const json::Array *Array = Item.getAsArray();
    SummaryIndex::Blocking B;
    std::optional<llvm::StringRef> Api, Category;
    std::optional<bool> Construct;
    if (Array && Array->size() == 6) {
      Api = (*Array)[0].getAsString();
      Category = (*Array)[1].getAsString();
      Construct = (*Array)[2].getAsBoolean();
    }
    if (!Api || !Category || !Construct ||
        !readPlace(*Array, 3, Files, B.Where))
      return malformedIndex(LineNumber, "a blocking call is [api, category, "
                                        "construct, file, line, column]");
    B.Api = Intern(*Api);
    B.Category = Intern(*Category);
    B.Construct = *Construct;
    Out.push_back(B);
    return llvm::Error::success();
  }

  llvm::Error readCall(size_t LineNumber, const json::Value &Item,
                       std::vector<SummaryIndex::Call> &Out) const {
    const json::Array *Array = Item.getAsArray();
    SummaryIndex::Call C;
    std::optional<int64_t> Callee;
    std::optional<bool> Construct;
    if (Array && Array->size() == 5) {
      Callee = (*Array)[0].getAsInteger();
      Construct = (*Array)[1].getAsBoolean();
    }
    if (!Callee || *Callee < 0 || !Construct ||
        !readPlace(*Array, 2, Files, C.Where))
      return malformedIndex(LineNumber, "a call is [callee, construct, file, "
                                        "line, column]");
    C.Callee = static_cast<uint32_t>(*Callee);
    C.Construct = *Construct;
    Out.push_back(C);
    return llvm::Error::success();
  }

  llvm::ArrayRef<llvm::StringRef> Files;
  llvm::function_ref<llvm::StringRef(llvm::StringRef)> Intern;
};

} // namespace

llvm::Expected<std::unique_ptr<SummaryIndex>>
SummaryIndex::read(llvm::StringRef Text) {
  auto Index = std::make_unique<SummaryIndex>();
  auto [HeaderLine, Rest] = Text.split('\n');
  llvm::Expected<json::Value> Header = json::parse(HeaderLine);
  if (!Header)
    return malformedIndex(1, llvm::toString(Header.takeError()));
  const json::Object *Object = Header->getAsObject();
  const json::Array *FileList = Object ? Object->getArray("files") : nullptr;
  const json::Array *RecheckList =
      Object ? Object->getArray("recheck") : nullptr;
  std::optional<int64_t> UnitCount =
      Object ? Object->getInteger("units") : std::nullopt;
  if (!Object || Object->getInteger(FormatKey) != IndexFormatVersion ||
      !FileList || !RecheckList || !UnitCount || *UnitCount < 0)
    return malformedIndex(1, "expected a version " +
                                 llvm::Twine(IndexFormatVersion) +
                                 " coro-tidy index");
  std::vector<llvm::StringRef> Files;
  for (const json::Value &File : *FileList) {
    std::optional<llvm::StringRef> Name = File.getAsString();
    if (!Name)
      return malformedIndex(1, "files are strings");
    Files.push_back(Index->intern(*Name));
  }
  for (const json::Value &File : *RecheckList)
    if (std::optional<llvm::StringRef> Name = File.getAsString())
      Index->Recheck.push_back(Index->intern(*Name));
  auto Intern = [&](llvm::StringRef S) { return Index->intern(S); };
  IndexReader Reader(Files, Intern);
  size_t LineNumber = 1;
  while (!Rest.empty()) {
    auto [Line, Next] = Rest.split('\n');
    Rest = Next;
    ++LineNumber;
    if (Line.trim().empty())
      continue;
    if (Index->Units.size() < static_cast<uint64_t>(*UnitCount)) {
      Unit U;
      if (llvm::Error Error =
              Reader.readUnit(LineNumber, Line, U, Index->Inputs))
        return std::move(Error);
      Index->Units.push_back(U);
      continue;
    }
    Function F;
    if (llvm::Error Error = Reader.readFunction(
            LineNumber, Line, F, Index->BlockingCalls, Index->Calls))
      return std::move(Error);
    Index->Functions.push_back(F);
  }
  if (Index->Units.size() != static_cast<uint64_t>(*UnitCount) ||
      !Index->index())
    return malformedIndex(LineNumber, "a USR repeats, a unit is missing, or "
                                      "a call, a step or a unit refers to "
                                      "nothing");
  return std::move(Index);
}

bool SummaryIndex::index() {
  IndexOfUsr.clear();
  UnitOfFile.clear();
  // A file compiled twice (other flags) is named by the first unit.
  for (uint32_t I = 0; I < Units.size(); ++I)
    UnitOfFile.try_emplace(Units[I].MainFile, I);
  for (uint32_t I = 0; I < Functions.size(); ++I) {
    const Function &F = Functions[I];
    if (!IndexOfUsr.try_emplace(F.Usr, I).second || F.Unit >= Units.size())
      return false;
    if (F.Step < OwnCall || (F.Step == OwnCall && F.NumBlocking == 0) ||
        (F.Step >= 0 && static_cast<uint32_t>(F.Step) >= F.NumCalls))
      return false;
    for (const Call &C : callsOf(F))
      if (C.Callee >= Functions.size())
        return false;
  }
  return true;
}

std::string SummaryIndex::pathOf(llvm::StringRef File) const {
  llvm::SmallString<256> Path(File);
  if (!llvm::sys::path::is_absolute(Path)) {
    Path = BaseDirectory;
    llvm::sys::path::append(Path, File);
  }
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return std::string(Path);
}

const SummaryIndex::Unit *SummaryIndex::unitOf(llvm::StringRef MainFile) const {
  auto It = UnitOfFile.find(MainFile);
  return It == UnitOfFile.end() ? nullptr : &Units[It->second];
}

IndexHop SummaryIndex::hop(const Function &From, const Call &C) const {
  return {From.Name.str(), Functions[C.Callee].Name.str(), C.Construct, C.Where,
          From.Unit};
}

IndexHop SummaryIndex::hop(const Function &From, const Blocking &B) const {
  return {From.Name.str(), "'" + B.Api.str() + "'", B.Construct, B.Where,
          From.Unit};
}

std::optional<IndexChain> SummaryIndex::precomputedChain(uint32_t Start) const {
  IndexChain Chain;
  // Steps are checked when read, but may still form a cycle: the walk is
  // bounded by the number of functions.
  for (uint32_t At = Start, Hops = 0; Hops <= Functions.size(); ++Hops) {
    const Function &Here = Functions[At];
    if (Here.Step == OwnCall) {
      const Blocking &B = blockingOf(Here).front();
      Chain.Hops.push_back(hop(Here, B));
      Chain.Api = B.Api.str();
      Chain.Category = B.Category.str();
      return Chain;
    }
    const Call &C = callsOf(Here)[Here.Step];
    Chain.Hops.push_back(hop(Here, C));
    At = C.Callee;
  }
  return std::nullopt;
}

std::optional<IndexChain> SummaryIndex::searchChain(uint32_t Start,
                                                    unsigned MaxDepth,
                                                    ApiFilter Accept) const {
  BreadthFirst<uint32_t, const Call *> Search;
  Search.start(Start, Start);
  for (size_t Next = 0; Next < Search.size(); ++Next) {
    const auto Current = Search[Next];
    const Function &Here = Functions[Current.At];
    for (const Blocking &B : blockingOf(Here)) {
      if (!Accept(B.Api, B.Category))
        continue;
      IndexChain Chain;
      const llvm::SmallVector<size_t, 8> Path = Search.pathTo(Next);
      for (size_t I = 1; I < Path.size(); ++I)
        Chain.Hops.push_back(
            hop(Functions[Search[Path[I - 1]].At], *Search[Path[I]].Reached));
      Chain.Hops.push_back(hop(Here, B));
      Chain.Api = B.Api.str();
      Chain.Category = B.Category.str();
      return Chain;
    }
    if (Current.Depth >= MaxDepth)
      continue;
    for (const Call &C : callsOf(Here))
      Search.reach(Next, C.Callee, C.Callee, &C);
  }
  return std::nullopt;
}

std::optional<IndexChain> SummaryIndex::shortestChain(llvm::StringRef Usr,
                                                      unsigned MaxDepth,
                                                      ApiFilter Accept) const {
  auto Start = IndexOfUsr.find(Usr);
  if (Start == IndexOfUsr.end() || MaxDepth == 0)
    return std::nullopt;
  // The merged chain is a shortest one to any API; when its API is admitted
  // and it fits, it is the answer, else a search finds the admitted one.
  if (std::optional<IndexChain> Chain = precomputedChain(Start->second))
    if (Chain->Hops.size() <= MaxDepth && Accept(Chain->Api, Chain->Category))
      return Chain;
  return searchChain(Start->second, MaxDepth, Accept);
}

std::shared_ptr<const SummaryIndex> getSummaryIndex(llvm::StringRef Path,
                                                    std::string &Error) {
  struct Slot {
    std::string Stamp;
    std::shared_ptr<const SummaryIndex> Index;
    std::string Error;
  };
  static std::mutex Mutex;
  static llvm::StringMap<Slot> Cache;
  llvm::SmallString<256> Absolute(Path);
  (void)llvm::sys::fs::make_absolute(Absolute);
  llvm::sys::fs::file_status Status;
  std::string Stamp = "missing";
  if (!llvm::sys::fs::status(Absolute, Status))
    Stamp = std::to_string(
                Status.getLastModificationTime().time_since_epoch().count()) +
            ":" + std::to_string(Status.getSize());
  std::lock_guard<std::mutex> Lock(Mutex);
  Slot &Entry = Cache[Absolute];
  if (Entry.Stamp == Stamp && (Entry.Index || !Entry.Error.empty())) {
    Error = Entry.Error;
    return Entry.Index;
  }
  Entry = Slot{Stamp, nullptr, ""};
  auto Buffer = llvm::MemoryBuffer::getFile(Absolute);
  if (!Buffer) {
    Entry.Error = "cannot read summary index '" + Path.str() +
                  "': " + Buffer.getError().message();
  } else if (auto Read = SummaryIndex::read((*Buffer)->getBuffer())) {
    (*Read)->BaseDirectory = llvm::sys::path::parent_path(Absolute).str();
    Entry.Index = std::move(*Read);
  } else {
    Entry.Error = "cannot use summary index '" + Path.str() +
                  "': " + llvm::toString(Read.takeError());
  }
  Error = Entry.Error;
  return Entry.Index;
}

} // namespace coro_tidy
