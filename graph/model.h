// The graph model: nodes, edges and their properties.
//
// Node types: Person, Organization, Country, Group, Article, Claim, Topic,
// and Entity (a speaker whose type the extractor could not tell).
//
// Property kinds (KindOfProperty): "begin", "end", "claims", "weight" are
// integers; "confidence" is a double; "aliases", "roles" are lists; every
// other property is a string.
// Edge types (source -> target):
//   SAID             speaker -> Claim
//   ADDRESSED_TO     Claim -> entity
//   ABOUT            Claim -> Topic
//   REPORTED_IN      Claim -> Article
//   RELAYED_BY       Claim -> outlet (Organization)
//   PUBLISHED_BY     Article -> Organization
//   AFFILIATED_WITH  Person -> Country | Organization (props: role, date)
//   STANCE           speaker -> Topic (props: polarity, date, claim)
//
// Ids are stable and content-derived, and are valid XML NMTOKENs (ASCII
// letters, digits, '.', '-', '_', ':'), so they serve as GraphML ids as they
// are: "person:antony-blinken", "article:001_8233f60ec0590c8d.txt",
// "claim:001_8233f60ec0590c8d.txt:120-231", "topic:palestinian-state".
//
// Properties are strings. A few names hold numbers or lists; PropertyKind()
// says which, so exporters can type them. List properties ("aliases",
// "roles") hold their values sorted, unique, joined by '\n'.
//
// Thread safety: plain values and pure functions.
#ifndef CLAIMGRAPH_GRAPH_MODEL_H_
#define CLAIMGRAPH_GRAPH_MODEL_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace claimgraph {

using Properties = std::map<std::string, std::string>;

struct Node {
  std::string id;
  std::string type;  // "Person", "Claim", ...
  Properties props;
};

struct Edge {
  std::string src;
  std::string type;  // "SAID", ...
  std::string dst;
  // Tells parallel edges of one type between the same two nodes apart
  // (the claim id of a STANCE edge, the date of an AFFILIATED_WITH edge);
  // empty when there is at most one such edge.
  std::string key;
  Properties props;
};

// Everything one article adds to the graph; written to a Store as one unit.
struct ArticleGraph {
  std::string article_id;    // the Article node's id
  std::string content_hash;  // hex hash of the article text and metadata
  std::vector<Node> nodes;
  std::vector<Edge> edges;
};

enum class PropertyKind { kString, kInt, kDouble, kList };

// The kind of the property named `name` (kString for names it does not know).
PropertyKind KindOfProperty(std::string_view name);

// Merges `incoming` into `*existing` (same node seen again): list properties
// become the union of both; other properties keep the existing value and
// take the incoming one only where the existing is missing or empty. The
// result does not depend on how often the same node is merged.
void MergeProperties(const Properties& incoming, Properties* existing);

// Splits a list property into its values; joins values into a list property
// (sorted, unique).
std::vector<std::string> SplitList(std::string_view value);
std::string JoinList(std::vector<std::string> values);

// "Antony Blinken" -> "antony-blinken": lower-case ASCII letters and digits,
// runs of anything else become one '-'. Non-ASCII text is kept distinct by a
// short hash suffix, so the result is always an NMTOKEN.
std::string Slug(std::string_view text);

// The key of the store's name index: "Antony  Blinken" -> "antony blinken",
// "U.S." -> "us". ASCII letters lower-cased, '.' and apostrophes (also the
// UTF-8 right single quote) dropped, every other ASCII punctuation and white
// space run becomes one space, trimmed. Non-ASCII bytes are kept as they are.
std::string NormalizeName(std::string_view name);

// The node types that are entities (Person, Organization, Country, Group,
// Entity): their names and aliases go into the name index.
bool IsEntityType(std::string_view type);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_GRAPH_MODEL_H_
