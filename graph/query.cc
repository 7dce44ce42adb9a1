#include "graph/query.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <tuple>

#include "extract/topics.h"

namespace claimgraph {

namespace {

std::string Get(const Properties& props, const std::string& name) {
  auto it = props.find(name);
  return it == props.end() ? std::string() : it->second;
}

std::string Lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

bool SpeakerMatches(const Node& speaker, const std::string& needle) {
  if (needle.empty()) return true;
  if (Lower(Get(speaker.props, "name")).find(needle) != std::string::npos) return true;
  for (const std::string& alias : SplitList(Get(speaker.props, "aliases"))) {
    if (Lower(alias).find(needle) != std::string::npos) return true;
  }
  return false;
}

struct SpeakerInfo {
  Node node;
  // date -> (role, affiliation name), from AFFILIATED_WITH edges
  std::map<std::string, std::pair<std::string, std::string>> by_date;
};

// Reads a speaker's node and dated affiliations once per query.
class SpeakerCache {
 public:
  explicit SpeakerCache(Store* store) : store_(store) {}

  Status Get(const std::string& id, const SpeakerInfo** out) {
    auto it = cache_.find(id);
    if (it == cache_.end()) {
      SpeakerInfo info;
      Status s = store_->GetNode(id, &info.node);
      if (!s.ok()) return s;
      auto edges = store_->NewOutEdgeIterator(id);
      for (; edges->Valid(); edges->Next()) {
        const Edge& e = edges->edge();
        if (e.type != "AFFILIATED_WITH") continue;
        Node target;
        std::string name = e.dst;
        if (store_->GetNode(e.dst, &target).ok()) name = claimgraph::Get(target.props, "name");
        info.by_date[claimgraph::Get(e.props, "date")] = {claimgraph::Get(e.props, "role"), name};
      }
      if (!edges->status().ok()) return edges->status();
      it = cache_.emplace(id, std::move(info)).first;
    }
    *out = &it->second;
    return Status::OK();
  }

 private:
  Store* store_;
  std::map<std::string, SpeakerInfo> cache_;
};

// Fills the speaker, topic and article parts of a claim record from its edges.
Status ReadClaim(Store* store, SpeakerCache* speakers, const Node& node, ClaimRecord* out) {
  out->id = node.id;
  out->date = Get(node.props, "date");
  out->doc = Get(node.props, "doc");
  out->kind = Get(node.props, "kind");
  out->cue = Get(node.props, "cue");
  out->text = Get(node.props, "text");
  out->begin = static_cast<size_t>(std::strtoull(Get(node.props, "begin").c_str(), nullptr, 10));
  out->speaker_name = Get(node.props, "speaker");
  auto in = store->NewInEdgeIterator(node.id);
  for (; in->Valid(); in->Next()) {
    const Edge& e = in->edge();
    if (e.type != "SAID") continue;
    const SpeakerInfo* info = nullptr;
    Status s = speakers->Get(e.src, &info);
    if (!s.ok()) return s;
    out->speaker_id = e.src;
    out->speaker_type = info->node.type;
    out->speaker_name = Get(info->node.props, "name");
    auto dated = info->by_date.find(out->date);
    if (dated != info->by_date.end()) {
      out->role = dated->second.first;
      out->affiliation = dated->second.second;
    } else {
      out->affiliation = Get(info->node.props, "affiliation");
    }
    break;
  }
  if (!in->status().ok()) return in->status();
  auto outs = store->NewOutEdgeIterator(node.id);
  for (; outs->Valid(); outs->Next()) {
    const Edge& e = outs->edge();
    if (e.type == "ABOUT") {
      Node topic;
      TopicRecord t;
      t.id = e.dst;
      t.polarity = Get(e.props, "polarity");
      if (t.polarity.empty()) t.polarity = "neutral";
      if (store->GetNode(e.dst, &topic).ok()) {
        t.name = Get(topic.props, "name");
        t.label = Get(topic.props, "label");
      }
      out->topics.push_back(std::move(t));
    } else if (e.type == "REPORTED_IN") {
      Node article;
      if (store->GetNode(e.dst, &article).ok()) out->article_title = Get(article.props, "title");
    }
  }
  return outs->status();
}

bool InDateRange(const std::string& date, const ClaimFilter& f) {
  if (!f.since.empty() && (date.empty() || date < f.since)) return false;
  if (!f.until.empty() && (date.empty() || date > f.until)) return false;
  return true;
}

// The topic of `claim` that answers `query`, or null: a topic holding every
// query word; else (when the text mentions the query) the first non-neutral
// topic sharing a query word.
const TopicRecord* MatchTopic(const ClaimRecord& claim, const std::string& query, bool* matches) {
  const TopicRecord* best = nullptr;
  for (const TopicRecord& t : claim.topics) {
    if (!TopicNameMatches(query, t.name)) continue;
    if (best == nullptr || (best->polarity == "neutral" && t.polarity != "neutral")) best = &t;
  }
  if (best != nullptr) {
    *matches = true;
    return best;
  }
  *matches = TextMentionsTopic(query, claim.text);
  if (!*matches) return nullptr;
  // Only the text matched: the polarity toward the query's first word
  // ("Palestinian state" -> a topic about "palestine").
  const std::string norm = NormalizeTopic(query);
  const std::string first = norm.substr(0, norm.find(' '));
  for (const TopicRecord& t : claim.topics) {
    if (t.polarity != "neutral" && TopicNameMatches(first, t.name)) return &t;
  }
  return nullptr;
}

bool ClaimOrder(const ClaimRecord& a, const ClaimRecord& b) {
  return std::tie(a.date, a.doc, a.begin, a.id) < std::tie(b.date, b.doc, b.begin, b.id);
}

}  // namespace

Status ListClaims(Store* store, const ClaimFilter& filter, std::vector<ClaimRecord>* claims) {
  claims->clear();
  SpeakerCache speakers(store);
  const std::string needle = Lower(filter.speaker);
  auto it = store->NewNodeIterator("Claim");
  for (; it->Valid(); it->Next()) {
    const Node& node = it->node();
    if (!InDateRange(Get(node.props, "date"), filter)) continue;
    ClaimRecord record;
    Status s = ReadClaim(store, &speakers, node, &record);
    if (!s.ok()) return s;
    if (!needle.empty()) {
      const SpeakerInfo* info = nullptr;
      if (record.speaker_id.empty() || !speakers.Get(record.speaker_id, &info).ok() ||
          !SpeakerMatches(info->node, needle)) {
        continue;
      }
    }
    if (!filter.topic.empty()) {
      bool matches = false;
      MatchTopic(record, filter.topic, &matches);
      if (!matches) continue;
    }
    claims->push_back(std::move(record));
  }
  if (!it->status().ok()) return it->status();
  std::sort(claims->begin(), claims->end(), ClaimOrder);
  return Status::OK();
}

Status StanceTimeline(Store* store, const StanceQuery& query, std::vector<StanceRow>* rows) {
  rows->clear();
  if (NormalizeTopic(query.filter.topic).empty()) {
    return Status::Usage("--topic: \"" + query.filter.topic + "\" has no words to look for");
  }
  std::vector<ClaimRecord> claims;
  Status s = ListClaims(store, query.filter, &claims);
  if (!s.ok()) return s;
  std::map<std::string, std::string> last;  // group -> last non-neutral polarity
  for (ClaimRecord& claim : claims) {
    StanceRow row;
    bool matches = false;
    const TopicRecord* topic = MatchTopic(claim, query.filter.topic, &matches);
    row.topic = topic != nullptr ? (topic->label.empty() ? topic->name : topic->label) : query.filter.topic;
    row.polarity = topic != nullptr ? topic->polarity : "neutral";
    if (query.group == StanceGroup::kAffiliation) {
      row.group = claim.affiliation;
      if (row.group.empty()) row.group = claim.speaker_name;
    } else {
      row.group = claim.speaker_name;
    }
    if (row.polarity != "neutral") {
      auto [it, inserted] = last.try_emplace(row.group, row.polarity);
      if (!inserted && it->second != row.polarity) {
        row.changed_from = it->second;
        it->second = row.polarity;
      }
    }
    row.claim = std::move(claim);
    rows->push_back(std::move(row));
  }
  return Status::OK();
}

Status ListSpeakers(Store* store, std::vector<SpeakerRecord>* speakers) {
  speakers->clear();
  SpeakerCache cache(store);
  std::map<std::string, SpeakerRecord> by_id;
  auto edges = store->NewEdgeIterator();
  for (; edges->Valid(); edges->Next()) {
    const Edge& e = edges->edge();
    if (e.type != "SAID") continue;
    auto [it, inserted] = by_id.try_emplace(e.src);
    SpeakerRecord& r = it->second;
    if (inserted) {
      const SpeakerInfo* info = nullptr;
      Status s = cache.Get(e.src, &info);
      if (!s.ok()) return s;
      r.id = e.src;
      r.name = Get(info->node.props, "name");
      r.type = info->node.type;
      r.aliases = SplitList(Get(info->node.props, "aliases"));
      r.roles = SplitList(Get(info->node.props, "roles"));
      r.affiliation = Get(info->node.props, "affiliation");
      for (const auto& [date, role] : info->by_date) {
        r.history.push_back(RoleRecord{role.first, role.second, date});
        if (!role.second.empty()) r.affiliation = role.second;  // the latest by date
      }
    }
    Node claim;
    if (!store->GetNode(e.dst, &claim).ok()) continue;
    r.claims++;
    const std::string date = Get(claim.props, "date");
    if (!date.empty()) {
      if (r.first_date.empty() || date < r.first_date) r.first_date = date;
      if (r.last_date.empty() || date > r.last_date) r.last_date = date;
    }
  }
  if (!edges->status().ok()) return edges->status();
  for (auto& [id, r] : by_id) speakers->push_back(std::move(r));
  std::stable_sort(speakers->begin(), speakers->end(), [](const SpeakerRecord& a, const SpeakerRecord& b) {
    return a.claims != b.claims ? a.claims > b.claims : a.name < b.name;
  });
  return Status::OK();
}

}  // namespace claimgraph
