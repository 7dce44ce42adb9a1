// `claimgraph stance`, `claims` and `speakers`: the queries of graph/query.h
// printed as text (one line a record) or JSON Lines (--json).
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "graph/query.h"
#include "graph/store.h"

namespace claimgraph {

namespace {

using Json = nlohmann::ordered_json;

constexpr size_t kTextWidth = 110;  // claim text shown in text mode, in bytes

Status OpenForReading(const std::string& db, std::unique_ptr<Store>* store) {
  StoreOptions options;
  options.read_only = true;
  options.create_if_missing = false;
  return OpenRocksStore(db, options, store);
}

Status CheckDates(const std::string& since, const std::string& until) {
  if (!since.empty() && !IsIsoDate(since)) return Status::Usage("--since: \"" + since + "\" is not a YYYY-MM-DD date");
  if (!until.empty() && !IsIsoDate(until)) return Status::Usage("--until: \"" + until + "\" is not a YYYY-MM-DD date");
  return Status::OK();
}

// One JSON line; invalid UTF-8 becomes U+FFFD instead of an exception.
void PrintJson(const Json& j) {
  std::string line = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  line.push_back('\n');
  std::fwrite(line.data(), 1, line.size(), stdout);
}

// `text` cut to about `width` bytes at a UTF-8 boundary, "..." added when cut.
std::string Shorten(const std::string& text, size_t width) {
  if (text.size() <= width) return text;
  size_t cut = width;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "...";
}

std::string OrDash(const std::string& s) { return s.empty() ? "-" : s; }

Json ClaimJson(const ClaimRecord& c) {
  Json j;
  j["claim_id"] = c.id;
  j["date"] = c.date;
  Json speaker;
  speaker["name"] = c.speaker_name;
  speaker["type"] = c.speaker_type;
  speaker["id"] = c.speaker_id;
  if (!c.role.empty()) speaker["role"] = c.role;
  j["speaker"] = speaker;
  j["affiliation"] = c.affiliation;
  j["kind"] = c.kind;
  j["cue"] = c.cue;
  j["text"] = c.text;
  j["doc"] = c.doc;
  Json topics = Json::array();
  for (const TopicRecord& t : c.topics) {
    topics.push_back(Json{{"name", t.name}, {"label", t.label}, {"polarity", t.polarity}});
  }
  j["topics"] = topics;
  return j;
}

int Finish(const Status& s) {
  if (std::fflush(stdout) != 0) return ReportError(Status::Internal("cannot write standard output"));
  return s.ok() ? 0 : ReportError(s);
}

}  // namespace

int RunStance(const StanceCommand& cmd) {
  Status s = CheckDates(cmd.since, cmd.until);
  if (!s.ok()) return ReportError(s);
  std::unique_ptr<Store> store;
  s = OpenForReading(cmd.db, &store);
  if (!s.ok()) return ReportError(s);
  StanceQuery query;
  query.filter = ClaimFilter{cmd.speaker, cmd.topic, cmd.since, cmd.until};
  query.group = cmd.by == "affiliation" ? StanceGroup::kAffiliation : StanceGroup::kSpeaker;
  std::vector<StanceRow> rows;
  s = StanceTimeline(store.get(), query, &rows);
  if (!s.ok()) return ReportError(s);
  if (!cmd.json) {
    std::printf("Stance on \"%s\", changes marked per %s: %zu claim(s)\n", cmd.topic.c_str(), cmd.by.c_str(),
                rows.size());
  }
  for (const StanceRow& row : rows) {
    const ClaimRecord& c = row.claim;
    if (cmd.json) {
      Json j;
      j["date"] = c.date;
      j["speaker"] = Json{{"name", c.speaker_name}, {"type", c.speaker_type}, {"id", c.speaker_id}};
      if (!c.role.empty()) j["speaker"]["role"] = c.role;
      j["affiliation"] = c.affiliation;
      j["polarity"] = row.polarity;
      j["topic"] = row.topic;
      j["query"] = cmd.topic;
      j["group"] = row.group;
      if (!row.changed_from.empty()) j["changed_from"] = row.changed_from;
      j["text"] = c.text;
      j["doc"] = c.doc;
      j["claim_id"] = c.id;
      PrintJson(j);
      continue;
    }
    std::string line = OrDash(c.date) + "  " + OrDash(c.speaker_name) + " (" + OrDash(c.affiliation) + ")  " +
                       row.polarity;
    if (!row.changed_from.empty()) line += "  <- changed from " + row.changed_from;
    line += "  \"" + Shorten(c.text, kTextWidth) + "\"  [" + c.doc + "]\n";
    std::fputs(line.c_str(), stdout);
  }
  return Finish(Status::OK());
}

int RunClaims(const ClaimsCommand& cmd) {
  Status s = CheckDates(cmd.since, cmd.until);
  if (!s.ok()) return ReportError(s);
  std::unique_ptr<Store> store;
  s = OpenForReading(cmd.db, &store);
  if (!s.ok()) return ReportError(s);
  std::vector<ClaimRecord> claims;
  s = ListClaims(store.get(), ClaimFilter{cmd.speaker, cmd.topic, cmd.since, cmd.until}, &claims);
  if (!s.ok()) return ReportError(s);
  for (const ClaimRecord& c : claims) {
    if (cmd.json) {
      PrintJson(ClaimJson(c));
      continue;
    }
    std::string line = OrDash(c.date) + "  " + OrDash(c.speaker_name) + " (" + OrDash(c.affiliation) + ")  " +
                       c.cue + ": \"" + Shorten(c.text, kTextWidth) + "\"  [" + c.doc + "]\n";
    std::fputs(line.c_str(), stdout);
  }
  return Finish(Status::OK());
}

int RunSpeakers(const SpeakersCommand& cmd) {
  std::unique_ptr<Store> store;
  Status s = OpenForReading(cmd.db, &store);
  if (!s.ok()) return ReportError(s);
  std::vector<SpeakerRecord> speakers;
  s = ListSpeakers(store.get(), &speakers);
  if (!s.ok()) return ReportError(s);
  for (const SpeakerRecord& r : speakers) {
    if (cmd.json) {
      Json j;
      j["id"] = r.id;
      j["name"] = r.name;
      j["type"] = r.type;
      j["aliases"] = r.aliases;
      j["roles"] = r.roles;
      j["affiliation"] = r.affiliation;
      Json history = Json::array();
      for (const RoleRecord& h : r.history) {
        history.push_back(Json{{"date", h.date}, {"role", h.role}, {"affiliation", h.affiliation}});
      }
      j["history"] = history;
      j["claims"] = r.claims;
      j["first_date"] = r.first_date;
      j["last_date"] = r.last_date;
      PrintJson(j);
      continue;
    }
    std::string roles;
    for (const RoleRecord& h : r.history) {
      roles += (roles.empty() ? "" : "; ") + (h.role.empty() ? std::string("member") : h.role) + ", " +
               h.affiliation + " (" + OrDash(h.date) + ")";
    }
    if (roles.empty()) {
      for (const std::string& role : r.roles) roles += (roles.empty() ? "" : "; ") + role;
    }
    std::string line = r.name + "  " + r.type + "  claims " + std::to_string(r.claims) + "  " +
                       OrDash(r.first_date) + " .. " + OrDash(r.last_date) + "  affiliation " +
                       OrDash(r.affiliation) + "  roles " + OrDash(roles) + "\n";
    std::fputs(line.c_str(), stdout);
  }
  return Finish(Status::OK());
}

}  // namespace claimgraph
