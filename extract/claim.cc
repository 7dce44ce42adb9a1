#include "extract/claim.h"

namespace claimgraph {

namespace {

struct KindName {
  ClaimKind kind;
  const char* name;
};

constexpr KindName kKindNames[] = {
    {ClaimKind::kDirect, "direct"},
    {ClaimKind::kIndirect, "indirect"},
    {ClaimKind::kPartial, "partial"},
    {ClaimKind::kAccordingTo, "according_to"},
};

struct TypeName {
  EntityType type;
  const char* name;
};

constexpr TypeName kTypeNames[] = {
    {EntityType::kPerson, "Person"},   {EntityType::kOrganization, "Organization"},
    {EntityType::kCountry, "Country"}, {EntityType::kGroup, "Group"},
    {EntityType::kUnknown, "Unknown"},
};

}  // namespace

const char* ClaimKindName(ClaimKind kind) {
  for (const KindName& k : kKindNames) {
    if (k.kind == kind) return k.name;
  }
  return "indirect";  // unreachable for valid enum values
}

bool ParseClaimKind(const std::string& name, ClaimKind* kind) {
  for (const KindName& k : kKindNames) {
    if (name == k.name) {
      *kind = k.kind;
      return true;
    }
  }
  return false;
}

const char* EntityTypeName(EntityType type) {
  for (const TypeName& t : kTypeNames) {
    if (t.type == type) return t.name;
  }
  return "Unknown";
}

bool ParseEntityType(const std::string& name, EntityType* type) {
  for (const TypeName& t : kTypeNames) {
    if (name == t.name) {
      *type = t.type;
      return true;
    }
  }
  return false;
}

}  // namespace claimgraph
