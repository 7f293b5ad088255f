#include "kith/interchange/vcard_contact.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "kith/interchange/google_csv.hpp"
#include "kith/interchange/vcard_write.hpp"

namespace kith {
namespace {

// Joins the non-empty parts with `separator`.
std::string join_present(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (const auto& part : parts) {
        const std::string clean = trim_blanks(part);
        if (clean.empty()) continue;
        if (!out.empty()) out += separator;
        out += clean;
    }
    return out;
}

std::string text_of(const VcardProperty* p) { return p ? trim_blanks(vcard_unescape(p->value)) : ""; }

// N is family;given;additional;prefix;suffix; a name reads prefix given additional family suffix.
std::string name_from_n(const VcardProperty* n) {
    if (!n) return "";
    auto parts = vcard_split(n->value, ';');
    parts.resize(5);
    return join_present({parts[3], parts[1], parts[2], parts[0], parts[4]}, " ");
}

// ADR is pobox;extended;street;locality;region;code;country: one line, comma-separated.
std::string address_from_adr(const VcardProperty* adr) {
    if (!adr) return "";
    std::string line = join_present(vcard_split(adr->value, ';'), ", ");
    for (char& c : line)
        if (c == '\n') c = ' ';
    return line;
}

// A date, with Apple's X-APPLE-OMIT-YEAR (the year written for "no year") honoured, and 1604,
// the year phones write for "no year" (iOS, DAVx5), read as none even without it.
std::optional<MonthDay> date_of(const VcardProperty& p) {
    auto md = parse_export_date(vcard_unescape(p.value));
    if (md && md->year && ((!p.param("X-APPLE-OMIT-YEAR").empty() &&
                            std::to_string(*md->year) == p.param("X-APPLE-OMIT-YEAR")) || *md->year == 1604))
        md->year.reset();
    return md;
}

// The X-ABLabel of an Apple `itemN.` group ("_$!<Assistant>!$_", "COBOL committee"), or "".
std::string group_label(const VcardCard& card, const VcardProperty& p) {
    if (p.group.empty()) return "";
    for (const auto* label : card.all("X-ABLABEL"))
        if (label->group.size() == p.group.size() &&
            std::equal(label->group.begin(), label->group.end(), p.group.begin(),
                       [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b)); }))
            return vcard_unescape(label->value);
    return "";
}

// What a dated label means: "_$!<Anniversary>!$_" is "anniversary", "_$!<Other>!$_" "other".
std::string label_meaning(const std::string& label) {
    if (label.size() > 8 && label.rfind("_$!<", 0) == 0 && label.compare(label.size() - 4, 4, ">!$_") == 0) {
        std::string word = label.substr(4, label.size() - 8);
        for (char& ch : word) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        return word;
    }
    return trim_blanks(label);
}

// Drops a URI scheme ("tel:", "mailto:") written in any case.
std::string strip_scheme(std::string value, std::string_view scheme) {
    if (value.size() <= scheme.size()) return value;
    for (size_t i = 0; i < scheme.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(value[i])) != scheme[i]) return value;
    return value.substr(scheme.size());
}

}  // namespace

// --- vCard -> contact: the one place that maps properties to fields ------------------
Contact contact_from_card(const VcardCard& card, const std::string& path, std::vector<Error>& errors) {
    Contact c;
    const auto bad_value = [&](const VcardProperty& p, const std::string& what) {
        errors.emplace_back(ErrorKind::invalid, fmt::format("{} '{}' is not a date; left out", what, p.value),
                            Location{path, p.line, 0});
    };
    for (const auto* org : card.all("ORG")) {
        c.org = join_present(vcard_split(org->value, ';'), ", ");
        if (!c.org.empty()) break;
    }
    c.title = text_of(card.preferred("TITLE"));
    c.role = text_of(card.preferred("ROLE"));
    for (const auto* p : card.all("EMAIL")) c.email.push_back(strip_scheme(text_of(p), "mailto:"));
    for (const auto* p : card.all("TEL")) c.phone.push_back(strip_scheme(text_of(p), "tel:"));
    c.address = address_from_adr(card.preferred("ADR"));
    for (const auto* p : card.all("URL")) c.url.push_back(text_of(p));
    for (const auto* p : card.all("NICKNAME"))
        for (const auto& aka : vcard_split(p->value, ',')) c.aka.push_back(trim_blanks(aka));
    for (const auto* p : card.all("CATEGORIES"))
        for (const auto& tag : vcard_split(p->value, ','))
            if (std::string t = trim_blanks(tag); !is_google_system_group(t)) c.tags.push_back(std::move(t));
    for (auto* list : {&c.email, &c.phone, &c.url, &c.aka, &c.tags}) drop_repeats(*list);
    for (const auto* p : card.all("NOTE")) c.notes = join_present({c.notes, vcard_unescape(p->value)}, "\n\n");
    if (const auto* bday = card.preferred("BDAY")) {
        if (auto md = date_of(*bday)) c.birthday = md;
        else bad_value(*bday, "BDAY");
    }
    for (const char* name : {"ANNIVERSARY", "X-ANNIVERSARY"}) {  // 4.0, and 3.0 as Apple and Evolution write it
        for (const auto* p : card.all(name)) {
            if (auto md = date_of(*p)) c.dates.push_back({*md, "anniversary"});
            else bad_value(*p, name);
        }
    }
    for (const auto* p : card.all("X-ABDATE")) {  // Apple and DAVx5: a labelled date
        if (auto md = date_of(*p)) c.dates.push_back({*md, label_meaning(group_label(card, *p))});
        else bad_value(*p, "X-ABDATE");
    }
    for (const auto* p : card.all("RELATED"))
        if (p->has_type("assistant") && c.assistant.empty()) c.assistant = text_of(p);
    for (const auto* p : card.all("X-ABRELATEDNAMES"))
        if (label_meaning(group_label(card, *p)) == "assistant" && c.assistant.empty()) c.assistant = text_of(p);
    c.uid = text_of(card.preferred("UID"));
    c.name = text_of(card.preferred("FN"));
    if (c.name.empty()) c.name = name_from_n(card.preferred("N"));
    if (c.name.empty()) c.name = c.org;
    if (c.name.empty() && !c.email.empty()) c.name = c.email.front();
    if (c.name.empty())
        throw Error(ErrorKind::invalid, "card has no name (FN, N, ORG or EMAIL); skipped", Location{path, card.line, 0});
    return c;
}

void read_vcard_contacts(const ReadChunk& read, const std::string& path, ImportBatch& batch) {
    // Each card becomes a record as soon as it is read, so the cards are never all in memory;
    // the errors of reading come first, then those of converting, in card order, as they always were.
    std::vector<Error> converting, left_out;  // cards skipped; values left out of a card added
    VcardFile notes = parse_vcards(read, path, [&](VcardCard& card) {
        batch.extensions += card.extensions;
        batch.skipped += card.skipped;
        Contact contact;
        try {
            contact = contact_from_card(card, path, left_out);
        } catch (const Error& e) {
            converting.push_back(e);
            return;
        }
        batch.add({std::move(contact), card.line, {}}, card.bytes, path);  // past a cap, the whole import stops
    });
    for (auto* list : {&notes.errors, &converting})
        batch.errors.insert(batch.errors.end(), std::make_move_iterator(list->begin()), std::make_move_iterator(list->end()));
    for (auto* list : {&notes.warnings, &left_out})
        batch.warnings.insert(batch.warnings.end(), std::make_move_iterator(list->begin()), std::make_move_iterator(list->end()));
}

ImportBatch read_vcard_contacts(std::string_view bytes, const std::string& path) {
    ImportBatch batch;
    read_vcard_contacts(whole_input(bytes), path, batch);
    return batch;
}

// --- contact -> vCard: the one place that maps fields to properties ------------------
std::vector<VcardProperty> card_from_contact(const Contact& c, int version) {
    std::vector<VcardProperty> out;
    using Params = std::vector<std::pair<std::string, std::string>>;
    const auto add = [&](std::string name, std::string value, Params params = {}) {
        VcardProperty p;
        p.name = std::move(name);
        p.value = std::move(value);
        p.params = std::move(params);
        out.push_back(std::move(p));
    };
    const auto text = [&](const char* name, const std::string& value) {
        if (!value.empty()) add(name, vcard_escape(value));
    };
    add("PRODID", "-//kith//kith//EN");
    add("UID", c.uid.empty() ? stable_uid(c.slug.empty() ? c.name : c.slug) : vcard_escape(c.uid));
    add("FN", vcard_escape(c.name));
    const size_t space = c.name.rfind(' ');
    const std::string family = space == std::string::npos ? c.name : c.name.substr(space + 1);
    const std::string given = space == std::string::npos ? "" : c.name.substr(0, space);
    add("N", vcard_escape(family) + ";" + vcard_escape(given) + ";;;");
    // One NICKNAME each: readers that take a property as one text (vobject, so khard) would
    // keep only the first of a list.
    for (const auto& a : c.aka) add("NICKNAME", vcard_escape(a));
    text("ORG", c.org);
    text("TITLE", c.title);
    text("ROLE", c.role);
    for (const auto& e : c.email) add("EMAIL", vcard_escape(e), version == 3 ? Params{{"TYPE", "INTERNET"}} : Params{});
    for (const auto& p : c.phone) add("TEL", vcard_escape(p), version == 3 ? Params{{"TYPE", "VOICE"}} : Params{});
    if (!c.address.empty()) add("ADR", ";;" + vcard_escape(c.address) + ";;;;");
    for (const auto& u : c.url) add("URL", vcard_escape(u));
    if (c.birthday) {
        const MonthDay& b = *c.birthday;
        // 4.0 allows only the basic ISO form (RFC 6350 4.3.1); 3.0 readers expect the extended one.
        const char* dash = version == 3 ? "-" : "";
        add("BDAY", b.year ? fmt::format("{:04}{}{:02}{}{:02}", *b.year, dash, b.month, dash, b.day)
                           : fmt::format("--{:02}{}{:02}", b.month, dash, b.day));
    }
    for (const auto& d : c.dates)
        if (d.what == "anniversary" && d.date.year)
            add(version == 4 ? "ANNIVERSARY" : "X-ANNIVERSARY", fmt::format("{:04}{:02}{:02}", *d.date.year, d.date.month, d.date.day));
    if (!c.tags.empty()) {
        std::string tags;
        for (const auto& t : c.tags) tags += (tags.empty() ? "" : ",") + vcard_escape(t);
        add("CATEGORIES", tags);
    }
    // A block scalar's last line break is YAML's, not the note's; every other byte is.
    text("NOTE", c.notes.substr(0, c.notes.find_last_not_of("\r\n") + 1));
    return out;
}

std::string render_vcard(const Contact& contact, int version) {
    return render_card(card_from_contact(contact, version), version);
}

}  // namespace kith
