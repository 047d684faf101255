// The REST contract (src/protocol/rest) against the server and its documentation: the server
// answers exactly the contract's operations, server/README.md documents each of them, and the
// published OpenAPI document describes them all with schemas that resolve.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "protocol/rest/contract.h"
#include "rest/rest_test_support.h"
#include "server/api_routes.h"

namespace parley::server::testing {
namespace {

std::string upper(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return text;
}

std::set<std::string> contract_operations() {
    std::set<std::string> operations;
    for (const protocol::rest::Operation& operation : protocol::rest::operations()) {
        operations.insert(upper(std::string(operation.method)) + " " + std::string(operation.path));
    }
    return operations;
}

TEST(RestContract, TheServerAnswersExactlyTheContractsOperations) {
    std::set<std::string> routes;
    for (const rest::Route& route : api_routes()) {
        routes.insert(std::string(boost::beast::http::to_string(route.method)) + " " +
                      std::string(route.pattern));
    }
    EXPECT_EQ(routes, contract_operations());
    EXPECT_EQ(api_routes().size(), protocol::rest::operations().size());
}

TEST(RestContract, OperationIdsAreUniqueNames) {
    std::set<std::string_view> ids;
    for (const protocol::rest::Operation& operation : protocol::rest::operations()) {
        EXPECT_TRUE(ids.insert(operation.id).second) << operation.id;
        EXPECT_TRUE(std::all_of(operation.id.begin(), operation.id.end(), [](char c) {
            return c == '_' || (c >= 'a' && c <= 'z');
        })) << operation.id;
    }
}

TEST(RestContract, EveryOperationHasItsBodiesNamed) {
    for (const protocol::rest::Operation& operation : protocol::rest::operations()) {
        SCOPED_TRACE(std::string(operation.method) + " " + std::string(operation.path));
        EXPECT_FALSE(operation.answer.empty() && operation.other_media.empty())
            << "an answer without a schema or a media type";
        EXPECT_FALSE(operation.summary.empty());
        EXPECT_FALSE(operation.who.empty());
    }
}

TEST(RestContract, TheReadmeDocumentsEveryOperationAndNoOther) {
    std::ifstream file(PARLEY_SOURCE_DIR "/server/README.md");
    ASSERT_TRUE(file) << "server/README.md not found";
    std::stringstream text;
    text << file.rdbuf();
    const std::string readme = text.str();
    // `GET /api/chats/{chat}/messages?after=…` documents GET /api/chats/{chat}/messages.
    const std::regex mention("`(GET|POST|PUT|DELETE|PATCH) (/[^`?\\s]*)[^`]*`");
    std::set<std::string> documented;
    for (auto it = std::sregex_iterator(readme.begin(), readme.end(), mention);
         it != std::sregex_iterator(); ++it) {
        documented.insert((*it)[1].str() + " " + (*it)[2].str());
    }
    EXPECT_EQ(documented, contract_operations());
}

class OpenApiTest : public RestTest {};

TEST_F(OpenApiTest, TheDocumentDescribesEveryOperationWithResolvableSchemas) {
    const HttpResult answer = api(port(), Verb::get, "/api/openapi.json");
    ASSERT_EQ(answer.status, 200) << answer.body;
    const nlohmann::json& document = answer.json;
    EXPECT_EQ(document["openapi"], "3.1.0");
    for (const protocol::rest::Operation& operation : protocol::rest::operations()) {
        const nlohmann::json& described =
            document["paths"][std::string(operation.path)][std::string(operation.method)];
        EXPECT_EQ(described["operationId"], operation.id)
            << operation.method << " " << operation.path;
    }
    const nlohmann::json& schemas = document["components"]["schemas"];
    std::size_t references = 0;
    std::function<void(const nlohmann::json&)> check = [&](const nlohmann::json& node) {
        if (node.is_object()) {
            if (const auto ref = node.find("$ref"); ref != node.end()) {
                const std::string target = ref->get<std::string>();
                const std::string prefix = "#/components/schemas/";
                ASSERT_EQ(target.rfind(prefix, 0), 0u) << target;
                EXPECT_TRUE(schemas.contains(target.substr(prefix.size()))) << target;
                ++references;
            }
            for (const auto& [key, value] : node.items()) {
                check(value);
            }
        } else if (node.is_array()) {
            for (const auto& value : node) {
                check(value);
            }
        }
    };
    check(document);
    EXPECT_GT(references, 100u);
    // The WebSocket messages are published beside the REST bodies.
    EXPECT_TRUE(schemas.contains("command.accept_chat"));
    EXPECT_TRUE(schemas.contains("event.chat_assigned"));
    EXPECT_EQ(schemas["command.accept_chat"]["properties"]["type"]["const"], "accept_chat");
    // A bound the decoder enforces is stated, in bytes.
    EXPECT_EQ(schemas["SignIn"]["properties"]["password"]["maxLength"], 1024);
    EXPECT_EQ(schemas["SignIn"]["required"], nlohmann::json::array({"agent", "password"}));
    // So is the bound on each string of a list and on each key and value of a map.
    const nlohmann::json& attachments = schemas["PostMessage"]["properties"]["attachments"];
    EXPECT_EQ(attachments["maxItems"], 10);
    EXPECT_EQ(attachments["items"]["maxLength"], 200);
    const nlohmann::json& context = schemas["StartIntegrationChat"]["properties"]["context"];
    EXPECT_EQ(context["propertyNames"]["maxLength"], 4096);
    EXPECT_EQ(context["additionalProperties"]["maxLength"], 4096);
}

}  // namespace
}  // namespace parley::server::testing
