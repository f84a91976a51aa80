// The package names `lib/api-types.d.ts` as its types but does not ship it: the part used here.
declare module '@pactflow/swagger-mock-validator' {
  /** One finding, as the validator reports it. */
  export interface ValidationResult {
    code: string;
    message: string;
    type: 'error' | 'warning';
    source: string;
    mockDetails?: { interactionDescription?: string; location?: string; value?: unknown };
    specDetails?: { location?: string; pathMethod?: string; pathName?: string; value?: unknown };
  }

  export interface ValidationOutcome {
    success: boolean;
    failureReason?: string;
    errors: ValidationResult[];
    warnings: ValidationResult[];
  }

  export const SwaggerMockValidatorFactory: {
    create(auth?: string): {
      validate(options: {
        specPathOrUrl: string;
        mockPathOrUrl: string;
        additionalPropertiesInResponse?: 'true' | 'false';
        requiredPropertiesInResponse?: 'true' | 'false';
      }): Promise<ValidationOutcome>;
    };
  };
}
