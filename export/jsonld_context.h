// The JSON-LD @context, compiled in so an installed binary needs no schemas
// directory. A copy of schemas/context.jsonld, byte for byte: a test in
// tests/export_test.cc fails when the two differ (edit the .jsonld, then
// paste it here).
//
// Thread safety: a constant.
#ifndef CLAIMGRAPH_EXPORT_JSONLD_CONTEXT_H_
#define CLAIMGRAPH_EXPORT_JSONLD_CONTEXT_H_

namespace claimgraph {

inline constexpr char kJsonldContextFile[] = R"jsonld({
  "@context": {
    "@version": 1.1,
    "schema": "http://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "oa": "http://www.w3.org/ns/oa#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "cg": "https://claimgraph.dev/vocab#",

    "Person": "schema:Person",
    "Organization": "schema:Organization",
    "Country": "schema:Country",
    "Group": "cg:Group",
    "Thing": "schema:Thing",
    "NewsArticle": "schema:NewsArticle",
    "Quotation": "schema:Quotation",
    "Claim": "schema:Claim",
    "Topic": "cg:Topic",
    "Stance": "cg:Stance",
    "Annotation": "oa:Annotation",
    "SpecificResource": "oa:SpecificResource",
    "TextQuoteSelector": "oa:TextQuoteSelector",
    "TextPositionSelector": "oa:TextPositionSelector",
    "DataPositionSelector": "oa:DataPositionSelector",

    "name": "schema:name",
    "alternateName": {"@id": "schema:alternateName", "@container": "@set"},
    "jobTitle": {"@id": "schema:jobTitle", "@container": "@set"},
    "affiliation": {"@id": "schema:affiliation", "@type": "@id", "@container": "@set"},
    "affiliationName": "cg:affiliationName",
    "headline": "schema:headline",
    "identifier": "schema:identifier",
    "url": {"@id": "schema:url", "@type": "@id"},
    "datePublished": {"@id": "schema:datePublished", "@type": "xsd:dateTime"},
    "publisher": {"@id": "schema:publisher", "@type": "@id", "@container": "@set"},
    "publisherName": "cg:publisherName",

    "text": "schema:text",
    "dateCreated": {"@id": "schema:dateCreated", "@type": "xsd:dateTime"},
    "creator": {"@id": "schema:creator", "@type": "@id", "@container": "@set"},
    "author": {"@id": "schema:author", "@type": "@id", "@container": "@set"},
    "wasAttributedTo": {"@id": "prov:wasAttributedTo", "@type": "@id", "@container": "@set"},
    "isPartOf": {"@id": "schema:isPartOf", "@type": "@id", "@container": "@set"},
    "about": {"@id": "schema:about", "@type": "@id", "@container": "@set"},
    "kind": {"@id": "cg:kind", "@type": "@vocab"},
    "direct": "cg:Direct",
    "indirect": "cg:Indirect",
    "partial": "cg:Partial",
    "according_to": "cg:AccordingTo",
    "cue": "cg:cue",
    "mention": "cg:mention",
    "addressee": {"@id": "cg:addressee", "@type": "@id", "@container": "@set"},
    "relayedBy": {"@id": "cg:relayedBy", "@type": "@id", "@container": "@set"},

    "stance": {"@id": "cg:stance", "@type": "@vocab"},
    "support": "cg:Support",
    "oppose": "cg:Oppose",
    "neutral": "cg:Neutral",
    "speaker": {"@id": "cg:speaker", "@type": "@id"},
    "topic": {"@id": "cg:topic", "@type": "@id"},
    "claim": {"@id": "cg:claim", "@type": "@id"},
    "role": "cg:role",

    "body": {"@id": "oa:hasBody", "@type": "@id"},
    "target": {"@id": "oa:hasTarget", "@type": "@id"},
    "source": {"@id": "oa:hasSource", "@type": "@id"},
    "selector": {"@id": "oa:hasSelector", "@type": "@id", "@container": "@set"},
    "motivation": {"@id": "oa:motivatedBy", "@type": "@vocab"},
    "identifying": "oa:identifying",
    "exact": "oa:exact",
    "start": {"@id": "oa:start", "@type": "xsd:nonNegativeInteger"},
    "end": {"@id": "oa:end", "@type": "xsd:nonNegativeInteger"}
  }
}
)jsonld";

}  // namespace claimgraph

#endif  // CLAIMGRAPH_EXPORT_JSONLD_CONTEXT_H_
