//===----------------------------------------------------------------------===//

#include "analysis/summaries/SummaryFacts.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"

namespace coro_tidy {

namespace json = llvm::json;

namespace {

json::Object placeJson(const SourcePlace &Place) {
  return json::Object{
      {"file", Place.File}, {"line", Place.Line}, {"column", Place.Column}};
}

bool parsePlace(const json::Object &Object, SourcePlace &Place) {
  std::optional<llvm::StringRef> File = Object.getString("file");
  std::optional<int64_t> Line = Object.getInteger("line");
  std::optional<int64_t> Column = Object.getInteger("column");
  if (!File || !Line || !Column || *Line <= 0 || *Column <= 0)
    return false;
  Place = {File->str(), static_cast<unsigned>(*Line),
           static_cast<unsigned>(*Column)};
  return true;
}

llvm::Expected<FunctionFacts::Blocking>
parseBlocking(const json::Value &Value) {
  const json::Object *Object = Value.getAsObject();
  FunctionFacts::Blocking Fact;
  std::optional<llvm::StringRef> Api, Category;
  if (Object) {
    Api = Object->getString("api");
    Category = Object->getString("category");
  }
  if (!Object || !parsePlace(*Object, Fact.Where) || !Api || !Category)
    return malformedSummary("a blocking call needs api, category and a place");
  Fact.Api = Api->str();
  Fact.Category = Category->str();
  Fact.Construct = Object->getBoolean("construct").value_or(false);
  return Fact;
}

llvm::Expected<FunctionFacts::Call> parseCall(const json::Value &Value) {
  const json::Object *Object = Value.getAsObject();
  FunctionFacts::Call Fact;
  std::optional<llvm::StringRef> Usr, Name;
  if (Object) {
    Usr = Object->getString("usr");
    Name = Object->getString("name");
  }
  if (!Object || !parsePlace(*Object, Fact.Where) || !Usr || !Name)
    return malformedSummary("a call needs usr, name and a place");
  Fact.Usr = Usr->str();
  Fact.Name = Name->str();
  Fact.Construct = Object->getBoolean("construct").value_or(false);
  return Fact;
}

} // namespace

llvm::Error malformedSummary(llvm::StringRef What) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), What);
}

json::Value toJson(const FunctionFacts &Function) {
  json::Array Blocking, Calls;
  for (const FunctionFacts::Blocking &B : Function.BlockingCalls) {
    json::Object Object = placeJson(B.Where);
    Object["api"] = B.Api;
    Object["category"] = B.Category;
    Object["construct"] = B.Construct;
    Blocking.push_back(std::move(Object));
  }
  for (const FunctionFacts::Call &C : Function.Calls) {
    json::Object Object = placeJson(C.Where);
    Object["usr"] = C.Usr;
    Object["name"] = C.Name;
    Object["construct"] = C.Construct;
    Calls.push_back(std::move(Object));
  }
  json::Object Object = placeJson(Function.Where);
  Object["usr"] = Function.Usr;
  Object["name"] = Function.Name;
  Object["blocking"] = std::move(Blocking);
  Object["calls"] = std::move(Calls);
  return Object;
}

llvm::Expected<FunctionFacts> parseFunctionFacts(const json::Value &Value) {
  const json::Object *Object = Value.getAsObject();
  FunctionFacts Function;
  if (!Object || !parsePlace(*Object, Function.Where))
    return malformedSummary("a function needs file, line and column");
  std::optional<llvm::StringRef> Usr = Object->getString("usr");
  std::optional<llvm::StringRef> Name = Object->getString("name");
  const json::Array *Blocking = Object->getArray("blocking");
  const json::Array *Calls = Object->getArray("calls");
  if (!Usr || Usr->empty() || !Name || !Blocking || !Calls)
    return malformedSummary("a function needs usr, name, blocking and calls");
  Function.Usr = Usr->str();
  Function.Name = Name->str();
  for (const json::Value &Item : *Blocking) {
    llvm::Expected<FunctionFacts::Blocking> Fact = parseBlocking(Item);
    if (!Fact)
      return Fact.takeError();
    Function.BlockingCalls.push_back(std::move(*Fact));
  }
  for (const json::Value &Item : *Calls) {
    llvm::Expected<FunctionFacts::Call> Fact = parseCall(Item);
    if (!Fact)
      return Fact.takeError();
    Function.Calls.push_back(std::move(*Fact));
  }
  return Function;
}

json::Value toJson(const TranslationUnitFacts &Facts) {
  json::Array Functions;
  for (const FunctionFacts &Function : Facts.Functions)
    Functions.push_back(toJson(Function));
  json::Array Inputs;
  for (const TranslationUnitFacts::Input &Input : Facts.Inputs)
    Inputs.push_back(json::Array{Input.File, Input.Hash});
  return json::Object{{"version", SummaryFormatVersion},
                      {"root", Facts.Root},
                      {"main-file", Facts.MainFile},
                      {"inputs", std::move(Inputs)},
                      {"functions", std::move(Functions)},
                      {"open-calls", json::Array(Facts.OpenCalls)}};
}

llvm::Expected<TranslationUnitFacts> parseFacts(llvm::StringRef Json) {
  llvm::Expected<json::Value> Value = json::parse(Json);
  if (!Value)
    return Value.takeError();
  const json::Object *Object = Value->getAsObject();
  if (!Object || Object->getInteger("version") != SummaryFormatVersion)
    return malformedSummary("expected a version " +
                            std::to_string(SummaryFormatVersion) + " summary");
  const json::Array *Functions = Object->getArray("functions");
  const json::Array *Inputs = Object->getArray("inputs");
  std::optional<llvm::StringRef> Root = Object->getString("root");
  std::optional<llvm::StringRef> Main = Object->getString("main-file");
  if (!Functions || !Inputs || !Root || !Main)
    return malformedSummary(
        "a summary needs root, main-file, inputs and functions");
  TranslationUnitFacts Facts;
  Facts.Root = Root->str();
  Facts.MainFile = Main->str();
  for (const json::Value &Item : *Inputs) {
    const json::Array *Pair = Item.getAsArray();
    std::optional<llvm::StringRef> File, Hash;
    if (Pair && Pair->size() == 2) {
      File = (*Pair)[0].getAsString();
      Hash = (*Pair)[1].getAsString();
    }
    if (!File || !Hash)
      return malformedSummary("an input is [file, hash]");
    Facts.Inputs.push_back({File->str(), Hash->str()});
  }
  for (const json::Value &Function : *Functions) {
    llvm::Expected<FunctionFacts> Parsed = parseFunctionFacts(Function);
    if (!Parsed)
      return Parsed.takeError();
    Facts.Functions.push_back(std::move(*Parsed));
  }
  if (const json::Array *Open = Object->getArray("open-calls"))
    for (const json::Value &Item : *Open) {
      std::optional<llvm::StringRef> Usr = Item.getAsString();
      if (!Usr)
        return malformedSummary("open-calls holds USRs");
      Facts.OpenCalls.push_back(Usr->str());
    }
  return Facts;
}

std::string summaryFileName(llvm::StringRef RelativeMainFile) {
  return (llvm::sys::path::filename(RelativeMainFile) + "." +
          llvm::utohexstr(llvm::xxh3_64bits(RelativeMainFile),
                          /*LowerCase=*/true) +
          ".json")
      .str();
}

std::string contentHash(llvm::StringRef Contents) {
  std::string Hex =
      llvm::utohexstr(llvm::xxh3_64bits(Contents), /*LowerCase=*/true);
  return std::string(16 - Hex.size(), '0') + Hex;
}

} // namespace coro_tidy
