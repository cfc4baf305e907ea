//! `Product`, `ProductCode` and the product modules on the vendored docs: every product and,
//! with the products' features on, every product code the model has resolves through its
//! product.

mod common;

use tencentcloud_error_codes::{Code, Product, ProductCode};

#[test]
fn products_are_the_models_sorted() {
    let services: Vec<&str> = Product::ALL.iter().map(|p| p.as_str()).collect();
    let expected: Vec<&str> = common::generated()
        .model
        .products
        .iter()
        .map(|p| p.service.as_str())
        .collect();
    assert_eq!(services, expected);
    for (&product, entry) in Product::ALL.iter().zip(&common::generated().model.products) {
        assert_eq!(Product::from_service(&entry.service), Some(product));
        assert_eq!(entry.service.parse::<Product>(), Ok(product));
        assert_eq!(product.to_string(), entry.service);
        assert_eq!(format!("{product:?}"), entry.variant);
        assert_eq!(product.name(), entry.name.as_deref());
        assert_eq!(product.name_zh(), entry.name_zh.as_deref());
        let versions: Vec<&str> = entry.versions.iter().map(String::as_str).collect();
        assert_eq!(product.api_versions(), versions);
    }
    assert_eq!(Product::from_service("no-such-product"), None);
    assert_eq!(
        "CVM".parse::<Product>().unwrap_err().to_string(),
        "unknown product: not an API service name the documentation lists"
    );
}

/// Without a product's feature, its codes are unknown but kept exactly.
#[test]
fn codes_of_products_without_their_feature_are_kept() {
    for entry in common::generated().model.products_with_codes() {
        let product = Product::from_service(&entry.service).unwrap();
        let enabled = ProductCode::from_code(product, &entry.codes[0].code).is_some();
        for code in &entry.codes {
            let resolved = Code::for_product(product, &code.code);
            assert_eq!(resolved.as_str(), code.code);
            match resolved {
                Code::Product(own) => {
                    assert!(enabled);
                    assert_eq!(own.product(), product);
                    assert_eq!(own.as_str(), code.code);
                }
                Code::Unknown(_) => assert!(!enabled, "{} {}", entry.service, code.code),
                Code::Known(known) => panic!("{} is common: {known:?}", code.code),
            }
        }
    }
}

/// With every product's feature on (`--all-features` in CI), every code the model has for a
/// product resolves through that product, with its texts and solution.
#[cfg(feature = "all-products")]
#[test]
fn every_product_code_resolves_through_its_product() {
    use tencentcloud_error_codes::Locale;
    let mut count = 0;
    for entry in common::generated().model.products_with_codes() {
        let product = Product::from_service(&entry.service).unwrap();
        for code in &entry.codes {
            let own = ProductCode::from_code(product, &code.code)
                .unwrap_or_else(|| panic!("{} {}", entry.service, code.code));
            assert_eq!(own.as_str(), code.code);
            let text = |l| code.text(l).map(|t| t.text.as_str());
            assert_eq!(
                own.description_in(Locale::En),
                text(tencentcloud_error_codes_build::Locale::En)
            );
            assert_eq!(
                own.description_in(Locale::Zh),
                text(tencentcloud_error_codes_build::Locale::Zh)
            );
            assert_eq!(own.solution(), code.solution.as_deref());
            assert!(matches!(Code::for_product(product, &code.code), Code::Product(p) if p == own));
            assert!(matches!(
                Code::new(&code.code).in_product(product),
                Code::Product(p) if p == own
            ));
            count += 1;
        }
    }
    assert!(count > 0);
}

/// The Error Center lists common codes under the products that return them: they resolve
/// through the common enum, not the product's.
#[test]
fn common_codes_resolve_as_common_for_every_product() {
    for &product in Product::ALL {
        for &code in tencentcloud_error_codes::ErrorCode::ALL {
            assert!(
                matches!(Code::for_product(product, code.as_str()), Code::Known(k) if k == code)
            );
        }
    }
}
