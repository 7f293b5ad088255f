#include "kith/sync/sync_mail_notmuch.hpp"

#include <notmuch.h>

#include <cctype>
#include <cstdlib>
#include <memory>

#include "kith/base/error.hpp"
#include "kith/sync/sync_mail_head.hpp"

namespace kith {
namespace {

class NotmuchMessage final : public MailMessage {
public:
    NotmuchMessage(notmuch_message_t* message, const NotmuchIndex::HeadReader& read_head)
        : message_(message), read_head_(read_head ? &read_head : nullptr) {}
    std::string id() const override { return text(notmuch_message_get_message_id(message_)); }
    std::int64_t time() const override { return static_cast<std::int64_t>(notmuch_message_get_date(message_)); }
    std::string from() const override { return header("from"); }
    std::string subject() const override { return header("subject"); }
    // libnotmuch reads From and Subject from the index, the others from the message's file.
    std::string header(const char* name) const override {
        const std::string_view wanted = name;
        if (wanted == "from" || wanted == "subject" || !read_head_) return text(notmuch_message_get_header(message_, name));
        if (!head_) {
            head_ = (*read_head_)(text(notmuch_message_get_filename(message_)));
            if (!head_) read_head_ = nullptr;  // unreadable: libnotmuch says what it can
        }
        return head_ ? mail_header(*head_, wanted) : text(notmuch_message_get_header(message_, name));
    }

private:
    static std::string text(const char* value) { return value ? value : ""; }
    notmuch_message_t* message_;
    mutable const NotmuchIndex::HeadReader* read_head_;
    mutable std::optional<std::string> head_;
};

std::string status_text(notmuch_status_t status) { return notmuch_status_to_string(status); }

}  // namespace

NotmuchIndex::NotmuchIndex(const NotmuchPlace& place) {
    char* message = nullptr;
    const notmuch_status_t status =
        notmuch_database_open_with_config(place.database.empty() ? nullptr : place.database.c_str(),
                                          NOTMUCH_DATABASE_MODE_READ_ONLY, place.config.c_str(), nullptr, &db_, &message);
    if (status == NOTMUCH_STATUS_SUCCESS) return;
    std::string why = message ? message : status_text(status);
    std::free(message);
    while (!why.empty() && (why.back() == '\n' || why.back() == '.')) why.pop_back();
    if (why.rfind("Error: ", 0) == 0) why.erase(0, 7);
    if (!why.empty()) why[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(why[0])));
    db_ = nullptr;
    fail_usage("no notmuch database: " + why + " (" + place.looked +
               "); set NOTMUCH_CONFIG or NOTMUCH_DATABASE, or run 'notmuch setup' and 'notmuch new'");
}

NotmuchIndex::~NotmuchIndex() {
    if (db_) notmuch_database_destroy(db_);
}

std::vector<std::string> NotmuchIndex::my_addresses() const {
    std::vector<std::string> out;
    for (const notmuch_config_key_t key : {NOTMUCH_CONFIG_PRIMARY_EMAIL, NOTMUCH_CONFIG_OTHER_EMAIL}) {
        notmuch_config_values_t* values = notmuch_config_get_values(db_, key);
        for (; values && notmuch_config_values_valid(values); notmuch_config_values_move_to_next(values))
            if (const char* value = notmuch_config_values_get(values); value && *value) out.emplace_back(value);
        if (values) notmuch_config_values_destroy(values);
    }
    return out;
}

void NotmuchIndex::each_message(std::int64_t first, std::int64_t last, const HeadReader& read_head,
                                const std::function<void(const MailMessage&)>& each) const {
    // libnotmuch leaves search.exclude_tags to its callers: spam and deleted are left out here.
    const std::string text = "date:@" + std::to_string(first) + "..@" + std::to_string(last) +
                             " and not tag:spam and not tag:deleted";
    notmuch_query_t* query = nullptr;
    notmuch_status_t status = notmuch_query_create_with_syntax(db_, text.c_str(), NOTMUCH_QUERY_SYNTAX_XAPIAN, &query);
    if (status != NOTMUCH_STATUS_SUCCESS) throw Error(ErrorKind::io, "notmuch: " + status_text(status));
    const std::unique_ptr<notmuch_query_t, void (*)(notmuch_query_t*)> owned(query, notmuch_query_destroy);
    notmuch_query_set_sort(query, NOTMUCH_SORT_OLDEST_FIRST);
    notmuch_messages_t* messages = nullptr;
    status = notmuch_query_search_messages(query, &messages);
    if (status != NOTMUCH_STATUS_SUCCESS) throw Error(ErrorKind::io, "notmuch: " + status_text(status));
    for (; notmuch_messages_valid(messages); notmuch_messages_move_to_next(messages)) {
        notmuch_message_t* message = notmuch_messages_get(messages);
        each(NotmuchMessage(message, read_head));
        notmuch_message_destroy(message);
    }
}

}  // namespace kith
