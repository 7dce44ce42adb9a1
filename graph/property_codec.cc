#include "graph/property_codec.h"

namespace claimgraph {

namespace {

void PutLengthPrefixed(std::string_view s, std::string* out) {
  PutVarint(s.size(), out);
  out->append(s);
}

bool GetLengthPrefixed(std::string_view* in, std::string* s) {
  uint64_t len = 0;
  if (!GetVarint(in, &len) || len > in->size()) return false;
  s->assign(in->substr(0, len));
  in->remove_prefix(len);
  return true;
}

bool GetProperties(std::string_view* in, Properties* props) {
  props->clear();
  uint64_t count = 0;
  if (!GetVarint(in, &count)) return false;
  for (uint64_t i = 0; i < count; ++i) {
    std::string name, value;
    if (!GetLengthPrefixed(in, &name) || !GetLengthPrefixed(in, &value)) return false;
    props->emplace_hint(props->end(), std::move(name), std::move(value));
  }
  return true;
}

}  // namespace

void PutVarint(uint64_t value, std::string* out) {
  while (value >= 0x80) {
    out->push_back(static_cast<char>((value & 0x7f) | 0x80));
    value >>= 7;
  }
  out->push_back(static_cast<char>(value));
}

bool GetVarint(std::string_view* in, uint64_t* value) {
  uint64_t result = 0;
  for (int shift = 0, i = 0; i < 10 && i < static_cast<int>(in->size()); ++i, shift += 7) {
    uint64_t byte = static_cast<unsigned char>((*in)[i]);
    result |= (byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) {
      *value = result;
      in->remove_prefix(i + 1);
      return true;
    }
  }
  return false;
}

void EncodeProperties(const Properties& props, std::string* out) {
  PutVarint(props.size(), out);
  for (const auto& [name, value] : props) {
    PutLengthPrefixed(name, out);
    PutLengthPrefixed(value, out);
  }
}

bool DecodeProperties(std::string_view in, Properties* props) {
  return GetProperties(&in, props) && in.empty();
}

std::string EncodeNodeValue(const Node& node) {
  std::string out;
  PutLengthPrefixed(node.type, &out);
  EncodeProperties(node.props, &out);
  return out;
}

bool DecodeNodeValue(std::string_view in, Node* node) {
  return GetLengthPrefixed(&in, &node->type) && GetProperties(&in, &node->props) && in.empty();
}

}  // namespace claimgraph
