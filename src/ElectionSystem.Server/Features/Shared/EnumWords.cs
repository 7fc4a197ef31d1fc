using System.Text.Json;

namespace ElectionSystem.Server.Features.Shared;

/// <summary>
/// A state enum's word as the API and the database carry it: its name in camelCase ("announced",
/// "entering"), so a state is an enum in code and the same word everywhere outside it.
/// </summary>
public static class EnumWords
{
    public static string Word<T>(this T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static T Parse<T>(string word) where T : struct, Enum => Enum.Parse<T>(word, ignoreCase: true);
}
