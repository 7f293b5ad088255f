// The functions of libnotmuch that kith calls, each defined here in the library's own name and
// signature (the header's declaration checks both), forwarding to the library's function on the
// first call that opens it. The executable is not linked with the library, so that commands
// that never call it do not load it. A function used anew is added here: the link says which.
#include "kith/sync/notmuch_on_use.hpp"

#include <notmuch.h>

namespace kith {

OnUseLibrary& notmuch_library() {
    static OnUseLibrary library(KITH_NOTMUCH_SONAME);
    return library;
}

}  // namespace kith

// Defines each function of the list below to call the library's own.
#define KITH_ON_USE(result, name, params, args) KITH_FORWARD_ON_USE(kith::notmuch_library(), result, name, params, args)

KITH_ON_USE(notmuch_config_values_t*, notmuch_config_get_values, (notmuch_database_t* notmuch, notmuch_config_key_t key), (notmuch, key))
KITH_ON_USE(void, notmuch_config_values_destroy, (notmuch_config_values_t* values), (values))
KITH_ON_USE(const char*, notmuch_config_values_get, (notmuch_config_values_t* values), (values))
KITH_ON_USE(void, notmuch_config_values_move_to_next, (notmuch_config_values_t* values), (values))
KITH_ON_USE(notmuch_bool_t, notmuch_config_values_valid, (notmuch_config_values_t* values), (values))
KITH_ON_USE(notmuch_status_t, notmuch_database_destroy, (notmuch_database_t* database), (database))
KITH_ON_USE(notmuch_status_t, notmuch_database_open_with_config, (const char* database_path, notmuch_database_mode_t mode, const char* config_path, const char* profile, notmuch_database_t* * database, char* * error_message), (database_path, mode, config_path, profile, database, error_message))
KITH_ON_USE(void, notmuch_message_destroy, (notmuch_message_t* message), (message))
KITH_ON_USE(time_t, notmuch_message_get_date, (notmuch_message_t* message), (message))
KITH_ON_USE(const char*, notmuch_message_get_filename, (notmuch_message_t* message), (message))
KITH_ON_USE(const char*, notmuch_message_get_header, (notmuch_message_t* message, const char* header), (message, header))
KITH_ON_USE(const char*, notmuch_message_get_message_id, (notmuch_message_t* message), (message))
KITH_ON_USE(notmuch_message_t*, notmuch_messages_get, (notmuch_messages_t* messages), (messages))
KITH_ON_USE(void, notmuch_messages_move_to_next, (notmuch_messages_t* messages), (messages))
KITH_ON_USE(notmuch_bool_t, notmuch_messages_valid, (notmuch_messages_t* messages), (messages))
KITH_ON_USE(notmuch_status_t, notmuch_query_create_with_syntax, (notmuch_database_t* database, const char* query_string, notmuch_query_syntax_t syntax, notmuch_query_t* * output), (database, query_string, syntax, output))
KITH_ON_USE(notmuch_status_t, notmuch_query_search_messages, (notmuch_query_t* query, notmuch_messages_t* * out), (query, out))
KITH_ON_USE(void, notmuch_query_destroy, (notmuch_query_t* query), (query))
KITH_ON_USE(void, notmuch_query_set_sort, (notmuch_query_t* query, notmuch_sort_t sort), (query, sort))
KITH_ON_USE(const char*, notmuch_status_to_string, (notmuch_status_t status), (status))

#undef KITH_ON_USE
