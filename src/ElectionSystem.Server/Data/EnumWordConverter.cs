using ElectionSystem.Server.Features.Shared;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ElectionSystem.Server.Data;

/// <summary>Stores a state enum as its word ("open", "announced"): readable in the file, and the same words as the API.</summary>
public sealed class EnumWordConverter<T>() : ValueConverter<T, string>(v => v.Word(), s => EnumWords.Parse<T>(s))
    where T : struct, Enum;
