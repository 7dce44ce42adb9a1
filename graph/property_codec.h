// Internal to graph/: the byte encoding of node and edge values in the
// RocksDB store (described in schemas/rocksdb-layout.md).
//
//   properties := varint(count) { varint(len) name varint(len) value }*
//                 in ascending name order (a Properties map's order), so one
//                 set of properties always encodes to the same bytes.
//   node value := varint(len) type properties
//   varint     := unsigned LEB128 (7 bits a byte, low bits first), <= 64 bits
//
// Thread safety: pure functions.
#ifndef CLAIMGRAPH_GRAPH_PROPERTY_CODEC_H_
#define CLAIMGRAPH_GRAPH_PROPERTY_CODEC_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "graph/model.h"

namespace claimgraph {

void PutVarint(uint64_t value, std::string* out);
// Reads a varint from the front of *in and advances it; false if truncated
// or longer than 10 bytes.
bool GetVarint(std::string_view* in, uint64_t* value);

void EncodeProperties(const Properties& props, std::string* out);
// False when `in` is not exactly one encoded property set.
bool DecodeProperties(std::string_view in, Properties* props);

std::string EncodeNodeValue(const Node& node);
// Fills type and props of *node (not its id); false on malformed input.
bool DecodeNodeValue(std::string_view in, Node* node);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_GRAPH_PROPERTY_CODEC_H_
