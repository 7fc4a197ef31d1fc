using ElectionSystem.Domain.Congress;

namespace ElectionSystem.Server.Features.Shared;

/// <summary>The congress's words for delegates, as screens and exports print them (SCREENS.md glossary).</summary>
public static class DelegateWords
{
    public static string CategoryVi(DelegateCategory category) => category switch
    {
        DelegateCategory.Official => "Đại biểu chính thức",
        DelegateCategory.ExOfficio => "Đại biểu đương nhiên",
        DelegateCategory.Alternate => "Đại biểu dự khuyết",
        _ => category.ToString(),
    };
}
