// Internal to graph/: decides which entity node a name in one article
// denotes, for GraphBuilder.
//
// Ids are "<lower-case type>:<Slug(name)>" ("person:antony-blinken",
// "country:united-states", "entity:..." for an unknown type). Before minting
// an id the resolver tries, in order:
//   1. names already resolved in this article;
//   2. for a Person with a bare surname ("Blinken"), the one multi-word
//      person of this article with that surname, if exactly one;
//   3. for a Country or Organization, the canonical name in the built-in
//      countries/organizations lexicons ("U.S." -> "United States");
//   4. the store's name index (normalised full name, which also covers a
//      bare surname: the store indexes the surname of every stored person and
//      answers NotFound when two people share it). A stored entity of another
//      type is never taken, and two full names with the same surname but a
//      different first name ("Hunter Biden", "Joe Biden") never merge.
//
// Thread safety: one resolver per article and thread.
#ifndef CLAIMGRAPH_GRAPH_ENTITY_RESOLVER_H_
#define CLAIMGRAPH_GRAPH_ENTITY_RESOLVER_H_

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "extract/claim.h"
#include "graph/store.h"

namespace claimgraph {

struct ResolvedEntity {
  std::string id;    // "person:antony-blinken"
  std::string type;  // node type: "Person", ..., "Entity" for unknown
  std::string name;  // canonical name: the stored node's name when joined
};

class EntityResolver {
 public:
  // `store` may be null; not owned. `person_names` are the canonical names
  // of every Person speaker of the article (for step 2 above).
  EntityResolver(Store* store, const std::vector<std::string>& person_names);

  // Resolves `name` of `type`. Returns false (and leaves *out alone) for an
  // empty name; store errors other than NotFound count as "not stored".
  bool Resolve(const std::string& name, EntityType type, ResolvedEntity* out);

  // Like Resolve for a name whose type the extractor did not give (an
  // addressee): an entity of any type already known by that name, else a
  // guess: Group for a plural phrase ("Israeli leaders"), Person for two or
  // three capitalised words, Country/Organization from the lexicons, else
  // Group.
  bool ResolveUntyped(const std::string& name, ResolvedEntity* out);

  // A name the extractor typed only by its role (a relay is "an
  // organisation"): an entity already known by that name in this article or
  // the store, of any type, else Resolve(name, type).
  bool ResolvePreferKnown(const std::string& name, EntityType type, ResolvedEntity* out);

  // An affiliation ("United States", "Reuters"): a known Country or
  // Organization, else an Organization.
  bool ResolveAffiliation(const std::string& name, ResolvedEntity* out);

 private:
  bool FindInArticle(const std::string& key, ResolvedEntity* out) const;
  bool LookupStore(const std::string& key, const std::string& prefix, const std::string& name,
                   ResolvedEntity* out);
  ResolvedEntity Mint(const std::string& name, EntityType type) const;

  Store* store_;
  std::vector<std::string> person_names_;
  std::map<std::pair<EntityType, std::string>, ResolvedEntity> cache_;
};

// "Person" -> "person", kUnknown -> "entity".
std::string IdPrefixOf(EntityType type);
// The node type of an entity type: EntityTypeName, "Entity" for kUnknown.
std::string NodeTypeOf(EntityType type);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_GRAPH_ENTITY_RESOLVER_H_
