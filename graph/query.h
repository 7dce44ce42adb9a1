// Queries over the stored graph: claims, speakers and stance timelines.
//
// All three read the Store only (no RocksDB type here) and return plain
// records sorted so their output is deterministic:
//   ListClaims      the claims that pass a filter, by date
//   StanceTimeline  the claims about a topic, by date, each with the speaker's
//                   polarity toward it and the polarity the same speaker (or
//                   affiliation, with StanceGroup::kAffiliation) held before
//                   when it differs: "changed from support"
//   ListSpeakers    every speaker with type, roles over time, affiliation,
//                   claim count, first and last date
// Topic matching normalises the query with the topics normaliser
// (extract/topics.h): a claim matches when one of its topics holds every
// word of the query, or its text mentions them.
//
// Thread safety: functions only read the store; call them from any thread.
#ifndef CLAIMGRAPH_GRAPH_QUERY_H_
#define CLAIMGRAPH_GRAPH_QUERY_H_

#include <string>
#include <vector>

#include "extract/status.h"
#include "graph/store.h"

namespace claimgraph {

struct ClaimFilter {
  std::string speaker;  // name or alias contains this, case-insensitive; empty: all
  std::string topic;    // a topic query (see above); empty: all
  std::string since;    // YYYY-MM-DD inclusive; empty: no bound
  std::string until;    // YYYY-MM-DD inclusive; empty: no bound
};

struct TopicRecord {
  std::string id;        // "topic:palestine-state"
  std::string name;      // normalised: "palestine state"
  std::string label;     // as written: "Palestinian state"
  std::string polarity;  // "support", "oppose", "neutral"
};

struct ClaimRecord {
  std::string id;    // "claim:<doc>:<begin>-<end>"
  std::string date;  // YYYY-MM-DD or empty
  std::string doc;
  std::string article_title;
  std::string kind, cue, text;
  std::string speaker_id, speaker_name, speaker_type;
  std::string role;         // the speaker's role stated in this claim's article
  std::string affiliation;  // at the claim's date, else the speaker's known one
  std::vector<TopicRecord> topics;
  size_t begin = 0;  // span in the article
};

// The claims passing `filter`, ordered by date, article, offset. Returns the
// store's error when reading fails.
Status ListClaims(Store* store, const ClaimFilter& filter, std::vector<ClaimRecord>* claims);

enum class StanceGroup { kSpeaker, kAffiliation };

struct StanceQuery {
  ClaimFilter filter;  // filter.topic is required
  StanceGroup group = StanceGroup::kSpeaker;
};

struct StanceRow {
  ClaimRecord claim;
  std::string topic;     // the label of the matching topic, else the query
  std::string polarity;  // toward the topic: support | oppose | neutral
  std::string group;     // the speaker's name, or the affiliation (kAffiliation)
  std::string changed_from;  // the group's previous non-neutral polarity when it differs
};

// The stance timeline. Returns Usage when the topic query is empty or has no
// words, the store's error when reading fails.
Status StanceTimeline(Store* store, const StanceQuery& query, std::vector<StanceRow>* rows);

struct RoleRecord {
  std::string role;         // may be empty
  std::string affiliation;  // the organisation or country's name
  std::string date;         // of the article that states it
};

struct SpeakerRecord {
  std::string id, name, type;
  std::vector<std::string> aliases;
  std::vector<std::string> roles;  // every role ever stated, sorted
  std::string affiliation;         // the latest known
  std::vector<RoleRecord> history;  // by date
  size_t claims = 0;
  std::string first_date, last_date;
};

// Every entity that said something, by claim count (most first), then name.
Status ListSpeakers(Store* store, std::vector<SpeakerRecord>* speakers);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_GRAPH_QUERY_H_
